import { type StreamHistory } from '../testing/given-when-then';
import { planRollover } from './rollover-planner';
import { rolloverRecord } from './rollover-record';
import { applyCommands, classOf, cmd, openYearWith, plan, pupilIn, school, UAI, Y, yearsOf } from './testing/rollover-fixtures';

const build = (...commands: ReturnType<typeof cmd>[][]) => applyCommands([], commands.flat());
const planOf = (history: StreamHistory[], carryClasses = false) => planRollover({ ...yearsOf(history), carryClasses });
const pupilYear = (history: StreamHistory[], pupilId: string, year: number) =>
  yearsOf(history).from.pupils.find((p) => p.pupilId === pupilId)!.years[year];

/** An école: a CP, a CM1-CM2; a pupil for each kind of plan, one who left, one without plan. */
function ecole(): StreamHistory[] {
  return build(
    school('first'),
    classOf('CP', ['CP']),
    classOf('CM1-CM2', ['CM1', 'CM2']),
    pupilIn('E1', 'Lefèvre', 'CP', 'CP'),
    [
      cmd('SetPupilLanguages', { uai: UAI, year: Y, pupilId: 'E1', lv1: 'ENG' }),
      cmd('SetPupilDispositifs', { uai: UAI, year: Y, pupilId: 'E1', dispositifs: ['ULIS'] }),
      cmd('SetPupilSchooling', { uai: UAI, year: Y, pupilId: 'E1', regime: '2', transport: true, doublement: true }),
    ],
    pupilIn('E2', 'Ménard', 'CM1-CM2', 'CM2'),
    pupilIn('E3', 'Giraud', 'CM1-CM2', 'CM1'),
    pupilIn('E4', 'Faure', 'CP', 'CP'),
    pupilIn('E5', 'Aubert', 'CP', 'CP'),
    [
      plan('E1', 'passage'),
      plan('E2', 'sortie'),
      plan('E3', 'redoublement', { classCode: 'CM1-CM2' }),
      plan('E4', 'passage'),
      cmd('ExitPupil', { uai: UAI, year: Y, pupilId: 'E5', exitDate: '2027-02-10', motive: '42' }),
    ],
  );
}

describe('planRollover — the diff of year Y+1', () => {
  it('carries each pupil by their plan, with their per-year data, and leaves the year’s leavers', () => {
    const p = planOf(ecole());
    expect(p).toMatchObject({ uai: UAI, fromYear: 2026, toYear: 2027, degree: 'first', opensYear: true, blocked: false });
    expect(p.nomenclatures).toEqual(['formations', 'languages', 'classTypes']);
    expect(p.moves.map((m) => [m.pupilId, m.decision, m.from.formationCode, m.to])).toEqual([
      ['E4', 'passage', 'CP', { status: 'preinscrit', formationCode: 'CE1' }],
      ['E3', 'redoublement', 'CM1', { status: 'preinscrit', formationCode: 'CM1' }],
      ['E1', 'passage', 'CP', { status: 'preinscrit', formationCode: 'CE1' }],
    ]);
    const e1 = p.moves.find((m) => m.pupilId === 'E1')!;
    // Languages, dispositifs, régime and transport follow; last year's doublement does not.
    expect(e1.copied).toEqual({ lv1: 'ENG', dispositifs: ['ULIS'], schooling: { regime: '2', transport: true } });
    expect(p.moves.find((m) => m.pupilId === 'E3')!.copied.schooling).toEqual({ doublement: true });
    expect(p.leavers.map((l) => [l.pupilId, l.reason, l.alreadyExited, l.exitDate, l.motive])).toEqual([
      ['E5', 'exited', true, '2027-02-10', '42'],
      ['E2', 'plan', false, '2027-08-31', '40'],
    ]);
    expect(p.warnings.join('\n')).toContain('MÉNARD Léa (E2) : sortie sans motif, le motif 40');
    expect(p.warnings.join('\n')).toContain('MÉNARD Léa (E2) : sortie sans date, le 31/08/2027');
    // E3's planned class does not exist in 2027-2028 without --carry-classes.
    expect(p.warnings.join('\n')).toContain(
      'GIRAUD Léa (E3) : la classe CM1-CM2 n’existe pas en 2027-2028, il est préinscrit sans classe',
    );
  });

  it('lists the commands in order, and the real deciders accept each of them', () => {
    const history = ecole();
    const p = planOf(history);
    expect(p.commands.map((c) => c.type)).toEqual([
      'OpenYear',
      'DeclareFormations',
      'DeclareLanguages',
      'DeclareClassTypes',
      'ExitPupil',
      'PreEnrolPupil',
      'PreEnrolPupil',
      'SetPupilSchooling',
      'PreEnrolPupil',
      'SetPupilLanguages',
      'SetPupilDispositifs',
      'SetPupilSchooling',
    ]);
    const after = applyCommands(history, [...p.commands, rolloverRecord(p, 'rol-test')]);
    expect(pupilYear(after, 'E1', 2027)).toMatchObject({
      status: 'preinscrit',
      formationCode: 'CE1',
      lv1: 'ENG',
      dispositifs: ['ULIS'],
      schooling: { regime: '2', transport: true },
    });
    expect(pupilYear(after, 'E2', 2026)).toMatchObject({ status: 'sorti', exitDate: '2027-08-31', exitMotive: '40' });
    expect(pupilYear(after, 'E2', 2027)).toBeUndefined();
    expect(pupilYear(after, 'E3', 2027)).toMatchObject({
      status: 'preinscrit',
      formationCode: 'CM1',
      schooling: { doublement: true },
    });
    // Year Y is untouched apart from the planned exit.
    expect(pupilYear(after, 'E1', 2026)).toEqual(pupilYear(history, 'E1', 2026));
  });

  it('carries the classes on request, and enrols a pupil whose plan names a class that can take them', () => {
    const history = ecole();
    const p = planOf(history, true);
    expect(p.classes).toEqual([
      {
        classCode: 'CM1-CM2',
        label: 'Classe CM1-CM2',
        rectoratCode: 'CM1-CM2',
        contractType: 'association',
        classType: 'ordinaire',
        formations: ['CM1', 'CM2'],
      },
      {
        classCode: 'CP',
        label: 'Classe CP',
        rectoratCode: 'CP',
        contractType: 'association',
        classType: 'ordinaire',
        formations: ['CP'],
      },
    ]);
    expect(p.moves.find((m) => m.pupilId === 'E3')!.to).toEqual({
      status: 'inscrit',
      formationCode: 'CM1',
      classCode: 'CM1-CM2',
      entryDate: '2027-09-01',
    });
    const after = applyCommands(history, p.commands);
    expect(pupilYear(after, 'E3', 2027)).toMatchObject({ status: 'inscrit', classCode: 'CM1-CM2', entryDate: '2027-09-01' });
    expect(yearsOf(after).next.classes.map((c) => [c.classCode, c.formations, c.rectoratCode, c.classType])).toEqual([
      ['CM1-CM2', ['CM1', 'CM2'], 'CM1-CM2', 'ordinaire'],
      ['CP', ['CP'], 'CP', 'ordinaire'],
    ]);
  });

  it('keeps the classes Y+1 already has and uses its own nomenclature', () => {
    const history = applyCommands(ecole(), [
      ...openYearWith(2027, ['CP', 'CE1', 'CM1'], ['ENG']),
      ...classOf('CP', ['CP'], 2027),
    ]);
    const p = planOf(history, true);
    expect(p.opensYear).toBe(false);
    expect(p.nomenclatures).toEqual([]);
    expect(p.classes.map((c) => c.classCode)).toEqual(['CM1-CM2']);
    expect(p.classes[0]!.formations).toEqual(['CM1']);
    expect(p.warnings).toContain(
      'classe CM1-CM2 : la formation CM2 n’est pas dans la nomenclature de 2027-2028, elle n’est pas reprise',
    );
    applyCommands(history, p.commands);
  });

  it('blocks on a pupil enrolled at the end of Y without a plan, and lists them', () => {
    const history = applyCommands(ecole(), pupilIn('E6', 'Vidal', 'CP', 'CP'));
    const p = planOf(history);
    expect(p.blocked).toBe(true);
    expect(p.withoutPlan).toEqual([
      {
        pupilId: 'E6',
        name: 'VIDAL Léa',
        from: { status: 'inscrit', classCode: 'CP', formationCode: 'CP' },
        reason: 'aucun projet pour 2027-2028 (onglet « An prochain »)',
      },
    ]);
  });

  it('blocks on a plan whose formation Y+1’s nomenclature does not know', () => {
    const history = applyCommands(ecole(), openYearWith(2027, ['CP', 'CM1', 'CM2']));
    const p = planOf(history);
    expect(p.blocked).toBe(true);
    expect(p.unusable.map((u) => [u.pupilId, u.reason])).toEqual([
      ['E4', 'la formation CE1 de son projet n’est pas dans la nomenclature de 2027-2028 : corrigez son projet'],
      ['E1', 'la formation CE1 de son projet n’est pas dans la nomenclature de 2027-2028 : corrigez son projet'],
    ]);
  });

  it('plans nothing on a rerun, and reports a plan changed after its pupil was carried', () => {
    const first = ecole();
    const p1 = planOf(first);
    const carried = applyCommands(first, [...p1.commands, rolloverRecord(p1, 'rol-1')]);
    const p2 = planOf(carried);
    expect(p2.commands).toEqual([]);
    expect(p2.moves).toEqual([]);
    expect(p2.opensYear).toBe(false);
    expect(p2.alreadyCarried.map((k) => k.pupilId)).toEqual(['E4', 'E1']);
    // E3's planned class did not exist: pre-enrolled without it, which a rerun points out.
    expect(p2.planChanged.map((k) => [k.pupilId, k.differs])).toEqual([['E3', 'classe prévue CM1-CM2, en 2027-2028 : aucune']]);
    expect(p2.leavers.map((l) => [l.pupilId, l.alreadyExited])).toEqual([
      ['E5', true],
      ['E2', true],
    ]);

    // June correction: E1 will rather go to CE2. Reported, not re-applied.
    const changed = applyCommands(carried, [plan('E1', 'passage', { formationCode: 'CE2' })]);
    const p3 = planOf(changed);
    expect(p3.commands).toEqual([]);
    expect(p3.planChanged.map((k) => [k.pupilId, k.differs])).toEqual([
      ['E3', 'classe prévue CM1-CM2, en 2027-2028 : aucune'],
      ['E1', 'formation prévue CE2, en 2027-2028 : CE1'],
    ]);
  });

  it('carries only the pupils not yet in Y+1, and keeps the pre-enrolments already entered there', () => {
    const history = applyCommands(ecole(), [
      ...openYearWith(2027),
      cmd('PreEnrolPupil', { uai: UAI, year: 2027, pupilId: 'E1', formationCode: 'CE2' }),
      cmd('RegisterPupil', { uai: UAI, pupilId: 'N1', lastName: 'Nouvel', firstName: 'Jade', sex: 'F', birthDate: '2021-01-01' }),
      cmd('PreEnrolPupil', { uai: UAI, year: 2027, pupilId: 'N1', formationCode: 'PS' }),
    ]);
    const p = planOf(history);
    expect(p.moves.map((m) => m.pupilId)).toEqual(['E4', 'E3']);
    expect(p.planChanged.map((k) => [k.pupilId, k.differs])).toEqual([['E1', 'formation prévue CE1, en 2027-2028 : CE2']]);
    expect(p.newInNextYear).toEqual([
      { pupilId: 'N1', name: 'NOUVEL Jade', nextYear: { status: 'preinscrit', formationCode: 'PS' } },
    ]);
    expect(p.commands.filter((c) => (c.payload as { pupilId?: string }).pupilId === 'E1')).toEqual([]);
  });

  it('keeps a language Y+1 does not know out of the copy, with a warning', () => {
    const history = applyCommands(ecole(), [...openYearWith(2027, undefined, ['GER'])]);
    const p = planOf(history);
    expect(p.moves.find((m) => m.pupilId === 'E1')!.copied.lv1).toBeUndefined();
    expect(p.warnings).toContain(
      'LEFÈVRE Léa (E1) : la langue ENG n’est pas dans la nomenclature de 2027-2028, ses langues ne sont pas reprises',
    );
    applyCommands(history, p.commands);
  });

  it('moves a second-degree pupil to the MEF of their plan, and keeps the sortie’s own motive and date', () => {
    const MEFS = ['10010012110', '10110001110', '10210001110'];
    const history = build(
      school('second', MEFS),
      classOf('6A', ['10010012110']),
      pupilIn('C1', 'Roux', '6A', '10010012110'),
      pupilIn('C2', 'Blanc', '6A', '10010012110'),
      [plan('C1', 'passage', { formationCode: '10110001110' }), plan('C2', 'sortie', { motive: '11', exitDate: '2027-07-04' })],
    );
    const p = planOf(history);
    expect(p.blocked).toBe(false);
    expect(p.moves.map((m) => [m.pupilId, m.to])).toEqual([['C1', { status: 'preinscrit', formationCode: '10110001110' }]]);
    expect(p.leavers.map((l) => [l.pupilId, l.exitDate, l.motive])).toEqual([['C2', '2027-07-04', '11']]);
    expect(p.warnings).toEqual([]);
    applyCommands(history, p.commands);
  });

  it('refuses a year that is not open', () => {
    const history = build([cmd('RegisterEstablishment', { uai: UAI, name: 'École', degree: 'first', contract: 'association' })]);
    expect(() => planOf(history)).toThrow('l’année 2026-2027 n’est pas ouverte pour l’établissement 0750680G');
  });
});
