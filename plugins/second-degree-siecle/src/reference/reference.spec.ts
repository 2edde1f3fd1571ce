import { CommandRegistry, coreCommands, type Evolver, type LiaisonPlugin, RuleViolationError } from '@liaison/domain';
import { scenario, snapshotFromEvents, stream } from '@liaison/domain/testing';
import {
  referenceEvents,
  referenceStreamId,
  SiecleCodeListDeclared,
  StsServicesDeclared,
  StsTeachersDeclared,
} from '../events/reference-events';
import { referenceCommands } from './reference-commands';
import { initialReferenceState, referenceAggregate, referenceStateOf } from './reference-state';

const UAI = '0750680G';
const YEAR = 2019;
const registry = new CommandRegistry().register(...coreCommands, ...referenceCommands);
const opened = [
  stream(`establishment-${UAI}`, {
    type: 'EstablishmentRegistered',
    data: { uai: UAI, name: 'Lycée', degree: 'second', contract: 'association' },
  }),
  stream(`year-${UAI}-${YEAR}`, { type: 'YearOpened', data: { uai: UAI, year: YEAR } }),
];
const ref = { uai: UAI, year: YEAR, source: 'second-degree-siecle:Nomenclature.xml' };
const motives = [
  { code: '40', label: 'AUTRE MOTIF SANS PRECISION', attributes: { LIBELLE_COURT: 'AU.MOT SP' } },
  { code: '43', label: 'DECES', attributes: { LIBELLE_COURT: 'DECES' } },
];
const teacher = {
  stsId: '12345',
  idType: 'epp',
  lastName: 'DUPONT',
  firstName: 'Hélène',
  function: 'ENS',
  disciplines: [
    { code: 'L1300', label: 'MATHEMATIQUES' },
    { code: 'L1100', label: 'PHYSIQUE' },
  ],
  mainTeacherOf: [],
};

describe('the siecleref aggregate (given / when / then)', () => {
  it('declares a code list on the year’s reference stream', () => {
    scenario(registry)
      .given(...opened)
      .when({ type: 'DeclareSiecleCodeList', payload: { ...ref, list: 'exitMotives', entries: motives } })
      .thenEmits(SiecleCodeListDeclared.create({ ...ref, list: 'exitMotives', entries: motives }));
    expect(registry.get('DeclareSiecleCodeList')?.streamId({ ...ref, list: 'exitMotives', entries: motives })).toBe(
      'siecleref-0750680G-2019',
    );
  });

  it('declares only what is new or changed, and nothing when nothing changed', () => {
    const given = stream(
      referenceStreamId(UAI, YEAR),
      SiecleCodeListDeclared.create({ ...ref, list: 'exitMotives', entries: motives }),
    );
    const changed = [motives[0]!, { ...motives[1]!, label: 'DÉCÈS' }, { code: '45', label: 'CESURE' }];
    scenario(registry)
      .given(...opened, given)
      .when({ type: 'DeclareSiecleCodeList', payload: { ...ref, list: 'exitMotives', entries: changed } })
      .thenEmits(SiecleCodeListDeclared.create({ ...ref, list: 'exitMotives', entries: changed.slice(1) }));
    scenario(registry)
      .given(...opened, given)
      .when({ type: 'DeclareSiecleCodeList', payload: { ...ref, list: 'exitMotives', entries: [...motives].reverse() } })
      .thenEmits();
  });

  it('compares teachers and services whatever the order of their lists', () => {
    const given = stream(referenceStreamId(UAI, YEAR), StsTeachersDeclared.create({ ...ref, teachers: [teacher] }));
    scenario(registry)
      .given(...opened, given)
      .when({
        type: 'DeclareStsTeachers',
        payload: { ...ref, teachers: [{ ...teacher, disciplines: [...teacher.disciplines].reverse() }] },
      })
      .thenEmits();
  });

  it('replaces a structure’s services whole', () => {
    const first = {
      structureCode: '2NDE1',
      structureKind: 'division' as const,
      services: [{ subjectCode: '061300', teachers: [{ stsId: '1' }] }],
    };
    const second = { ...first, services: [{ subjectCode: '030201', teachers: [{ stsId: '2' }] }] };
    const state = [
      StsServicesDeclared.create({ ...ref, structures: [first] }),
      StsServicesDeclared.create({ ...ref, structures: [second] }),
    ].reduce(referenceAggregate.evolve, referenceAggregate.initialState());
    expect(state.services['2NDE1']?.services).toEqual(second.services);
  });

  it('needs the year open, like the core nomenclatures', () => {
    const error = scenario(registry)
      .given(opened[0]!)
      .when({ type: 'DeclareSiecleSubjects', payload: { ...ref, subjects: [{ code: '061300', label: 'MATHEMATIQUES' }] } })
      .thenRejects('year_not_open');
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.message).toBe(
      'l’année 2019-2020 n’est pas ouverte pour l’établissement 0750680G : ouvrez-la avant d’y importer les données de SIECLE ou de STS-web',
    );
  });

  it('refuses invalid payloads in French: a code given twice, an unknown list', () => {
    expect(() =>
      registry.validate({
        type: 'DeclareSiecleCodeList',
        payload: { ...ref, list: 'exitMotives', entries: [motives[0], motives[0]] },
      }),
    ).toThrow(/code « 40 » déclaré deux fois \(entrées 1 et 2\)/);
    expect(() =>
      registry.validate({ type: 'DeclareSiecleCodeList', payload: { ...ref, list: 'nope', entries: motives } }),
    ).toThrow(/liste inconnue/);
  });

  it('folds into pluginStates and is read back by referenceStateOf for the snapshot’s year only', () => {
    const history = [
      ...opened,
      stream(referenceStreamId(UAI, YEAR), SiecleCodeListDeclared.create({ ...ref, list: 'exitMotives', entries: motives })),
    ];
    const snapshot = snapshotFromEvents(UAI, YEAR, history, {
      pluginAggregates: { siecleref: referenceAggregate as Evolver<unknown> },
    });
    expect(referenceStateOf(snapshot).codeLists.exitMotives?.['43']?.label).toBe('DECES');
    expect(referenceStateOf(snapshotFromEvents(UAI, 2020, history))).toEqual(initialReferenceState());
  });

  it('fits the plugin contract: PascalCase events and commands, an aggregate for siecleref', () => {
    const plugin: Pick<LiaisonPlugin, 'events' | 'commands' | 'aggregates'> = {
      events: referenceEvents,
      commands: referenceCommands,
      aggregates: { siecleref: referenceAggregate as Evolver<unknown> },
    };
    expect(plugin.events?.map((e) => e.type)).toEqual([
      'SiecleCodeListDeclared',
      'SiecleSubjectsDeclared',
      'SiecleMefSubjectsDeclared',
      'SiecleStructuresDeclared',
      'StsTeachersDeclared',
      'StsServicesDeclared',
    ]);
    expect(plugin.commands?.map((c) => c.type)).toEqual([
      'DeclareSiecleCodeList',
      'DeclareSiecleSubjects',
      'DeclareSiecleMefSubjects',
      'DeclareSiecleStructures',
      'DeclareStsTeachers',
      'DeclareStsServices',
    ]);
  });
});
