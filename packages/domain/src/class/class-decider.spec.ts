import {
  ClassClosed,
  ClassCoded,
  ClassContractSet,
  ClassCreated,
  ClassRenamed,
  ClassTypesDeclared,
  ClassTypeSet,
  FormationAssigned,
  FormationsDeclared,
  FormationUnassigned,
  YearOpened,
} from '@liaison/events';
import { CommandRegistry } from '../commands/command-registry';
import { establishmentCommands } from '../establishment/establishment-command-definitions';
import { streamIds } from '../streams';
import { scenario, stream } from '../testing/given-when-then';
import { yearCommands } from '../year/year-command-definitions';
import { classCommands } from './class-commands';
import { CLASS_HEAD_COUNT_LOOKUP } from './class-lookups';

const registry = new CommandRegistry().register(...establishmentCommands, ...yearCommands, ...classCommands);
const UAI = '0750680G';
const YEAR = 2026;
const CODE = 'CM1A';
const ref = { uai: UAI, year: YEAR, classCode: CODE };
const yearStream = streamIds.year(UAI, YEAR);
const classStream = streamIds.class(UAI, YEAR, CODE);

const opened = YearOpened.create({ uai: UAI, year: YEAR });
const formations = FormationsDeclared.create({
  uai: UAI,
  year: YEAR,
  source: 'onde.formations:défaut',
  entries: [
    { code: 'CM1', label: 'Cours moyen 1re année', cycle: '3' },
    { code: 'CM2', label: 'Cours moyen 2e année', cycle: '3' },
  ],
});
const classTypes = ClassTypesDeclared.create({
  uai: UAI,
  year: YEAR,
  source: 'onde.formations:défaut',
  entries: [
    { code: 'ordinaire', label: 'Classe ordinaire' },
    { code: 'ulis', label: 'ULIS école' },
  ],
});
/** An open year with its nomenclature. */
const year = stream(yearStream, opened, formations, classTypes);
const created = ClassCreated.create({ ...ref, label: 'CM1 A' });
const closed = ClassClosed.create({ ...ref, closedOn: '2027-01-15' });

const cmd = (type: string, fields: Record<string, unknown> = {}) => ({ type, payload: { ...ref, ...fields } });

/** Every command on an existing class, with a payload that would otherwise be accepted. */
const changes = [
  cmd('RenameClass', { label: 'CM1 B' }),
  cmd('CloseClass', { closedOn: '2027-06-30' }),
  cmd('CodeClass', { rectoratCode: 'A1' }),
  cmd('SetClassContract', { contractType: 'simple' }),
  cmd('SetClassType', { classType: 'ulis' }),
  cmd('AssignFormation', { formationCode: 'CM2' }),
  cmd('UnassignFormation', { formationCode: 'CM1' }),
];

describe('CreateClass', () => {
  it('creates a class in an open year', () => {
    scenario(registry)
      .given(year)
      .when(cmd('CreateClass', { label: ' CM1 A ' }))
      .thenEmits(created);
  });

  it('refuses a class in a year that is not open', () => {
    scenario(registry)
      .when(cmd('CreateClass', { label: 'CM1 A' }))
      .thenRejects(
        'year_not_open',
        /l’année 2026-2027 n’est pas ouverte pour l’établissement 0750680G : ouvrez-la avant d’y créer la classe CM1A/,
      );
  });

  it('refuses a class code already used in the year', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('CreateClass', { label: 'Autre' }))
      .thenRejects('class_exists', /la classe CM1A existe déjà en 2026-2027 \(« CM1 A »\)/);
  });

  it('refuses the code of a closed class too', () => {
    scenario(registry)
      .given(year, stream(classStream, created, closed))
      .when(cmd('CreateClass', { label: 'Autre' }))
      .thenRejects('class_exists', /fermée le 15\/01\/2027/);
  });

  it('lets the same code be used in another year', () => {
    const next = { ...ref, year: 2027 };
    scenario(registry)
      .given(stream(classStream, created), stream(streamIds.year(UAI, 2027), YearOpened.create({ uai: UAI, year: 2027 })))
      .when({ type: 'CreateClass', payload: { ...next, label: 'CM1 A' } })
      .thenEmits(ClassCreated.create({ ...next, label: 'CM1 A' }));
  });

  it('refuses an empty label or class code as invalid input', () => {
    scenario(registry)
      .given(year)
      .when(cmd('CreateClass', { label: '' }))
      .thenRejects('invalid_value', /le libellé de la classe est obligatoire/);
    scenario(registry)
      .given(year)
      .when({ type: 'CreateClass', payload: { ...ref, classCode: ' ', label: 'X' } })
      .thenRejects('invalid_value', /code de classe invalide/);
  });
});

describe('every change to a class', () => {
  it.each(changes.map((c) => [c.type, c] as const))('%s refuses a class that does not exist', (_type, command) => {
    scenario(registry)
      .given(year)
      .withLookup('headCount', 0)
      .when(command)
      .thenRejects('class_unknown', /la classe CM1A n’existe pas en 2026-2027/);
  });

  it.each(changes.map((c) => [c.type, c] as const))('%s refuses a year that is not open', (_type, command) => {
    scenario(registry)
      .withLookup('headCount', 0)
      .when(command)
      .thenRejects('year_not_open', /l’année 2026-2027 n’est pas ouverte .* la classe CM1A ne peut pas y exister/);
  });

  it.each(changes.map((c) => [c.type, c] as const))('%s refuses a closed class', (_type, command) => {
    scenario(registry)
      .given(year, stream(classStream, created, FormationAssigned.create({ ...ref, formationCode: 'CM1' }), closed))
      .withLookup('headCount', 0)
      .when(command)
      .thenRejects('class_closed', /la classe CM1A est fermée depuis le 15\/01\/2027 en 2026-2027/);
  });
});

describe('RenameClass', () => {
  it('renames the class', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('RenameClass', { label: 'CM1 B' }))
      .thenEmits(ClassRenamed.create({ ...ref, label: 'CM1 B' }));
  });

  it('records nothing for the same label', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('RenameClass', { label: 'CM1 A' }))
      .thenEmits();
  });
});

describe('CodeClass', () => {
  it('records the code rectorat', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('CodeClass', { rectoratCode: 'CM1-A' }))
      .thenEmits(ClassCoded.create({ ...ref, rectoratCode: 'CM1-A' }));
  });

  it('records nothing when the code is already set', () => {
    scenario(registry)
      .given(year, stream(classStream, created, ClassCoded.create({ ...ref, rectoratCode: 'CM1-A' })))
      .when(cmd('CodeClass', { rectoratCode: 'CM1-A' }))
      .thenEmits();
  });

  it('refuses a code of more than 8 characters as invalid input', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('CodeClass', { rectoratCode: '123456789' }))
      .thenRejects('invalid_value', /code rectorat trop long : 8 caractères au plus/);
  });
});

describe('SetClassContract', () => {
  it('records the contract type', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('SetClassContract', { contractType: 'association' }))
      .thenEmits(ClassContractSet.create({ ...ref, contractType: 'association' }));
  });

  it('records nothing when it is already set', () => {
    scenario(registry)
      .given(year, stream(classStream, created, ClassContractSet.create({ ...ref, contractType: 'association' })))
      .when(cmd('SetClassContract', { contractType: 'association' }))
      .thenEmits();
  });

  it('refuses an unknown contract type as invalid input', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('SetClassContract', { contractType: 'public' }))
      .thenRejects('invalid_value', /type de contrat invalide/);
  });
});

describe('SetClassType', () => {
  it('records a class type of the year’s nomenclature', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('SetClassType', { classType: 'ordinaire' }))
      .thenEmits(ClassTypeSet.create({ ...ref, classType: 'ordinaire' }));
  });

  it('records nothing when it is already set', () => {
    scenario(registry)
      .given(year, stream(classStream, created, ClassTypeSet.create({ ...ref, classType: 'ordinaire' })))
      .when(cmd('SetClassType', { classType: 'ordinaire' }))
      .thenEmits();
  });

  it('refuses a class type the year does not declare', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('SetClassType', { classType: 'segpa' }))
      .thenRejects(
        'class_type_unknown',
        /classe CM1A : le type de classe « segpa » n’est pas dans la nomenclature de 2026-2027 \(types déclarés : ordinaire, ulis\)/,
      );
  });

  it('refuses any class type while the year declares none', () => {
    scenario(registry)
      .given(stream(yearStream, opened, formations), stream(classStream, created))
      .when(cmd('SetClassType', { classType: 'ordinaire' }))
      .thenRejects('class_type_unknown', /la nomenclature de 2026-2027 n’a encore aucun type de classe : importez-la/);
  });
});

describe('AssignFormation', () => {
  it('assigns a formation of the year’s nomenclature', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('AssignFormation', { formationCode: 'CM1' }))
      .thenEmits(FormationAssigned.create({ ...ref, formationCode: 'CM1' }));
  });

  it('assigns a second formation to a multi-level class', () => {
    scenario(registry)
      .given(year, stream(classStream, created, FormationAssigned.create({ ...ref, formationCode: 'CM1' })))
      .when(cmd('AssignFormation', { formationCode: 'CM2' }))
      .thenEmits(FormationAssigned.create({ ...ref, formationCode: 'CM2' }));
  });

  it('records nothing for a formation already assigned', () => {
    scenario(registry)
      .given(year, stream(classStream, created, FormationAssigned.create({ ...ref, formationCode: 'CM1' })))
      .when(cmd('AssignFormation', { formationCode: 'CM1' }))
      .thenEmits();
  });

  it('refuses a formation the year does not declare', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .when(cmd('AssignFormation', { formationCode: 'CM3' }))
      .thenRejects('formation_unknown', /classe CM1A : la formation « CM3 » n’est pas dans la nomenclature de 2026-2027/);
  });

  it('refuses any formation while the year declares none', () => {
    scenario(registry)
      .given(stream(yearStream, opened, classTypes), stream(classStream, created))
      .when(cmd('AssignFormation', { formationCode: 'CM1' }))
      .thenRejects('formation_unknown', /aucune formation n’est encore déclarée pour 2026-2027 : importez la nomenclature/);
  });
});

describe('UnassignFormation', () => {
  it('unassigns an assigned formation', () => {
    scenario(registry)
      .given(year, stream(classStream, created, FormationAssigned.create({ ...ref, formationCode: 'CM1' })))
      .when(cmd('UnassignFormation', { formationCode: 'CM1' }))
      .thenEmits(FormationUnassigned.create({ ...ref, formationCode: 'CM1' }));
  });

  it('refuses a formation that is not assigned', () => {
    scenario(registry)
      .given(
        year,
        stream(
          classStream,
          created,
          FormationAssigned.create({ ...ref, formationCode: 'CM1' }),
          FormationUnassigned.create({ ...ref, formationCode: 'CM1' }),
        ),
      )
      .when(cmd('UnassignFormation', { formationCode: 'CM1' }))
      .thenRejects('formation_not_assigned', /la formation « CM1 » n’est pas affectée à la classe CM1A en 2026-2027/);
  });
});

describe('CloseClass', () => {
  const close = (closedOn: string) => cmd('CloseClass', { closedOn });

  it('closes an empty class', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .withLookup('headCount', 0)
      .when(close('2027-06-30'))
      .thenEmits(ClassClosed.create({ ...ref, closedOn: '2027-06-30' }));
  });

  it('refuses a class that still has pupils', () => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .withLookup('headCount', 3)
      .when(close('2027-06-30'))
      .thenRejects('class_not_empty', /la classe CM1A compte encore 3 élèves en 2026-2027/);
  });

  it('asks the read models for the class’s head count', () => {
    const then = scenario(registry)
      .given(year, stream(classStream, created))
      .withLookup('headCount', 0)
      .when(close('2027-06-30'));
    expect(then.lookups).toEqual({
      headCount: { kind: CLASS_HEAD_COUNT_LOOKUP, params: { uai: UAI, year: YEAR, classCode: CODE } },
    });
  });

  it.each(['2026-08-31', '2027-09-01'])('refuses a closing date outside the school year (%s) as invalid input', (closedOn) => {
    scenario(registry)
      .given(year, stream(classStream, created))
      .withLookup('headCount', 0)
      .when(close(closedOn))
      .thenRejects(
        'invalid_value',
        /date de fermeture « .* » hors de l’année scolaire 2026-2027 \(du 01\/09\/2026 au 31\/08\/2027\)/,
      );
  });

  it('accepts the first and last days of the school year', () => {
    for (const closedOn of ['2026-09-01', '2027-08-31']) {
      scenario(registry)
        .given(year, stream(classStream, created))
        .withLookup('headCount', 0)
        .when(close(closedOn))
        .thenEmits(ClassClosed.create({ ...ref, closedOn }));
    }
  });

  it('refuses a date that does not exist without a second, confusing message', () => {
    const error = scenario(registry)
      .given(year, stream(classStream, created))
      .withLookup('headCount', 0)
      .when(close('2027-02-30'))
      .thenRejects('invalid_value', /ce jour n'existe pas/);
    expect(error.message).not.toMatch(/hors de l’année scolaire/);
  });
});

describe('CloseClass wiring', () => {
  it('fails loudly when the head count is not a number', () => {
    expect(() =>
      scenario(registry)
        .given(year, stream(classStream, created))
        .withLookup('headCount', '3')
        .when(cmd('CloseClass', { closedOn: '2027-06-30' }))
        .thenRejects('class_not_empty'),
    ).toThrow(/CloseClass needs the classHeadCount look-up as "headCount", got "3"/);
  });
});
