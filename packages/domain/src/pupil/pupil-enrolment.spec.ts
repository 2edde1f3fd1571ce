import { PupilClassChanged, PupilFormationSet, PupilPreEnrolled } from '@liaison/events';
import { fold } from '../decider';
import { pupilDecider } from './pupil-decider';
import {
  aClass,
  cmd,
  enrolled,
  exited,
  given,
  MEF_5E,
  MEF_6E,
  openYear,
  preEnrolled,
  pupil,
  pupilRef,
  registered,
  YEAR,
  yearRef,
} from './testing/pupil-fixtures';

const year = openYear(YEAR, [MEF_6E, MEF_5E]);

describe('PreEnrolPupil', () => {
  const preEnrol = (fields: Record<string, unknown> = {}) => cmd('PreEnrolPupil', { ...yearRef, ...fields });

  it('pre-enrols without a class', () => {
    given(pupil(), year).when(preEnrol()).thenEmits(PupilPreEnrolled.create(yearRef));
  });

  it('pre-enrols in a class, taking the class’s only formation', () => {
    given(pupil(), year, aClass('6A', [MEF_6E]))
      .when(preEnrol({ classCode: '6A' }))
      .thenEmits(PupilPreEnrolled.create({ ...yearRef, classCode: '6A', formationCode: MEF_6E }));
  });

  it('refuses a year that is not open', () => {
    given(pupil()).when(preEnrol()).thenRejects('year_not_open', 'l’année 2026-2027 n’est pas ouverte');
  });

  it('refuses a class that does not exist in the year', () => {
    given(pupil(), year)
      .when(preEnrol({ classCode: '6A' }))
      .thenRejects('class_unknown', 'la classe 6A n’existe pas en 2026-2027');
  });

  it('refuses a closed class', () => {
    given(pupil(), year, aClass('6A', [], { closedOn: '2026-12-01' }))
      .when(preEnrol({ classCode: '6A' }))
      .thenRejects('class_closed', 'fermée depuis le 01/12/2026');
  });

  it('refuses a formation the year does not declare, or when it declares none yet', () => {
    given(pupil(), year)
      .when(preEnrol({ formationCode: '99999999999' }))
      .thenRejects('formation_unknown', /99999999999 .*n’est pas déclarée pour 2026-2027/);
    given(pupil(), openYear(YEAR))
      .when(preEnrol({ formationCode: MEF_6E }))
      .thenRejects('formation_unknown', 'aucune formation');
  });

  it('refuses a formation the class does not have', () => {
    given(pupil(), year, aClass('6A', [MEF_6E]))
      .when(preEnrol({ classCode: '6A', formationCode: MEF_5E }))
      .thenRejects('formation_not_in_class', `n’est pas une formation de la classe 6A`);
  });

  it('refuses a pupil already enrolled that year', () => {
    given(pupil(enrolled()), year).when(preEnrol()).thenRejects('already_enrolled', 'l’élève E001 est déjà inscrit en 2026-2027');
  });

  it('emits nothing for the same pre-enrolment again', () => {
    given(pupil(preEnrolled({ classCode: '6A', formationCode: MEF_6E })), year, aClass('6A', [MEF_6E]))
      .when(preEnrol({ classCode: '6A' }))
      .thenEmits();
  });

  it('refuses an unknown pupil', () => {
    given(year).when(preEnrol()).thenRejects('pupil_unknown');
  });
});

describe('EnrolPupil', () => {
  const enrol = (fields: Record<string, unknown> = {}) =>
    cmd('EnrolPupil', { ...yearRef, classCode: '6A', entryDate: '2026-09-01', ...fields });

  it('enrols in a class with its only formation by default', () => {
    const decision = given(pupil(), year, aClass('6A', [MEF_6E]))
      .when(enrol())
      .thenEmits(enrolled('6A', MEF_6E));
    expect(decision.warnings).toEqual([]);
  });

  it('enrols in a multi-level class without a formation, with a warning', () => {
    const decision = given(pupil(), year, aClass('6A', [MEF_6E, MEF_5E]))
      .when(enrol())
      .thenEmits(enrolled('6A'));
    expect(decision.warnings).toEqual([
      `la classe 6A a plusieurs formations en 2026-2027 (${MEF_6E}, ${MEF_5E}) : la formation de l’élève E001 est à renseigner`,
    ]);
  });

  it('enrols with the formation given', () => {
    given(pupil(), year, aClass('6A', [MEF_6E, MEF_5E]))
      .when(enrol({ formationCode: MEF_5E }))
      .thenEmits(enrolled('6A', MEF_5E));
  });

  it('transfers a pre-enrolment, keeping its formation', () => {
    given(pupil(preEnrolled({ formationCode: MEF_5E })), year, aClass('6A', [MEF_6E, MEF_5E]))
      .when(enrol())
      .thenEmits(enrolled('6A', MEF_5E));
    const state = fold(pupilDecider, [registered, preEnrolled({ formationCode: MEF_5E }), enrolled('6A', MEF_5E)]);
    expect(state.years[YEAR]).toMatchObject({
      status: 'inscrit',
      classCode: '6A',
      formationCode: MEF_5E,
      entryDate: '2026-09-01',
    });
  });

  it('refuses a second enrolment in the same year', () => {
    given(pupil(enrolled()), year, aClass('6B'))
      .when(enrol({ classCode: '6B' }))
      .thenRejects('already_enrolled', 'l’élève E001 est déjà inscrit en 2026-2027 en classe 6A');
  });

  it('refuses an enrolment in a year the pupil already left', () => {
    given(pupil(enrolled(), exited()), year, aClass('6A')).when(enrol()).thenRejects('already_enrolled', 'sorti le 15/01/2027');
  });

  it('enrols in a later year after an exit', () => {
    given(pupil(enrolled(), exited()), openYear(YEAR + 1, [MEF_5E]), aClass('5A', [MEF_5E], { year: YEAR + 1 }))
      .when(enrol({ year: YEAR + 1, classCode: '5A', entryDate: '2027-09-01' }))
      .thenEmits(enrolled('5A', MEF_5E, '2027-09-01', YEAR + 1));
  });

  it('refuses a year that is not open', () => {
    given(pupil(), aClass('6A')).when(enrol()).thenRejects('year_not_open');
  });

  it('refuses a class that does not exist in the year', () => {
    given(pupil(), year).when(enrol()).thenRejects('class_unknown', 'la classe 6A n’existe pas en 2026-2027');
  });

  it('refuses a closed class', () => {
    given(pupil(), year, aClass('6A', [MEF_6E], { closedOn: '2026-12-01' }))
      .when(enrol())
      .thenRejects('class_closed');
  });

  it('refuses a formation the year does not declare, or when it declares none yet', () => {
    given(pupil(), year, aClass('6A'))
      .when(enrol({ formationCode: '99999999999' }))
      .thenRejects('formation_unknown');
    given(pupil(), openYear(YEAR), aClass('6A'))
      .when(enrol({ formationCode: MEF_6E }))
      .thenRejects('formation_unknown', 'aucune formation');
  });

  it('refuses a formation the class does not have', () => {
    given(pupil(), year, aClass('6A', [MEF_6E]))
      .when(enrol({ formationCode: MEF_5E }))
      .thenRejects(
        'formation_not_in_class',
        `la formation ${MEF_5E} de l’élève E001 n’est pas une formation de la classe 6A en 2026-2027`,
      );
  });

  it('refuses an entry date outside the school year', () => {
    given(pupil(), year, aClass('6A'))
      .when(enrol({ entryDate: '2026-08-31' }))
      .thenRejects('entry_date_outside_year', 'du 01/09/2026 au 31/08/2027');
  });

  it('refuses an unknown pupil', () => {
    given(year, aClass('6A')).when(enrol()).thenRejects('pupil_unknown');
  });
});

describe('ChangePupilClass', () => {
  const change = (fields: Record<string, unknown> = {}) =>
    cmd('ChangePupilClass', { ...yearRef, classCode: '6B', date: '2026-11-02', ...fields });
  const changed = PupilClassChanged.create({ ...yearRef, classCode: '6B', date: '2026-11-02', previousClassCode: '6A' });

  it('moves the pupil, naming the previous class', () => {
    const decision = given(pupil(enrolled('6A', MEF_6E)), aClass('6B', [MEF_6E]))
      .when(change())
      .thenEmits(changed);
    expect(decision.warnings).toEqual([]);
    expect(fold(pupilDecider, [registered, enrolled('6A', MEF_6E), changed]).years[YEAR]?.classCode).toBe('6B');
  });

  it('keeps the classes the pupil left during the year, oldest first, without the current one', () => {
    const to = (classCode: string, previousClassCode: string) =>
      PupilClassChanged.create({ ...yearRef, classCode, date: '2026-11-02', previousClassCode });
    const history = [registered, enrolled('6A', MEF_6E)];
    expect(fold(pupilDecider, history).years[YEAR]).not.toHaveProperty('formerClassCodes');
    const state = (...moves: ReturnType<typeof to>[]) => fold(pupilDecider, [...history, ...moves]).years[YEAR];
    expect(state(to('6B', '6A'))).toMatchObject({ classCode: '6B', formerClassCodes: ['6A'] });
    expect(state(to('6B', '6A'), to('6C', '6B'))).toMatchObject({ classCode: '6C', formerClassCodes: ['6A', '6B'] });
    expect(state(to('6B', '6A'), to('6A', '6B'))).toMatchObject({ classCode: '6A', formerClassCodes: ['6B'] });
  });

  it('sets the new class’s only formation when the pupil’s is not one of it', () => {
    const decision = given(pupil(enrolled('6A', MEF_6E)), aClass('6B', [MEF_5E]))
      .when(change())
      .thenEmits(changed, PupilFormationSet.create({ ...yearRef, formationCode: MEF_5E }));
    expect(decision.warnings).toEqual([
      `la formation de l’élève E001 passe de ${MEF_6E} à ${MEF_5E}, la formation de la classe 6B`,
    ]);
  });

  it('refuses a pupil who is only pre-enrolled', () => {
    given(pupil(preEnrolled({ classCode: '6A' })), aClass('6B'))
      .when(change())
      .thenRejects('not_enrolled', 'n’y est que préinscrit');
  });

  it('refuses the class the pupil is already in', () => {
    given(pupil(enrolled('6B')), aClass('6B'))
      .when(change())
      .thenRejects('same_class', 'l’élève E001 est déjà en classe 6B en 2026-2027');
  });

  it('refuses a class that does not exist, or is closed', () => {
    given(pupil(enrolled('6A')))
      .when(change())
      .thenRejects('class_unknown');
    given(pupil(enrolled('6A')), aClass('6B', [], { closedOn: '2026-10-01' }))
      .when(change())
      .thenRejects('class_closed');
  });

  it('refuses a date outside the school year', () => {
    given(pupil(enrolled('6A')), aClass('6B'))
      .when(change({ date: '2027-09-01' }))
      .thenRejects('change_date_outside_year');
  });

  it('refuses a date before the entry', () => {
    given(pupil(enrolled('6A', undefined, '2026-10-05')), aClass('6B'))
      .when(change({ date: '2026-10-01' }))
      .thenRejects('change_before_entry', 'précède son entrée du 05/10/2026');
  });
});

describe('SetPupilFormation', () => {
  const setFormation = (fields: Record<string, unknown> = {}) =>
    cmd('SetPupilFormation', { ...yearRef, formationCode: MEF_5E, ...fields });

  it('sets the pupil’s own formation', () => {
    given(pupil(enrolled('6A')), year)
      .when(setFormation())
      .thenEmits(PupilFormationSet.create({ ...yearRef, formationCode: MEF_5E }));
  });

  it('emits nothing when the formation is already that one', () => {
    given(pupil(enrolled('6A', MEF_5E)), year)
      .when(setFormation())
      .thenEmits();
  });

  it('refuses a formation the year does not declare', () => {
    given(pupil(enrolled('6A')), openYear(YEAR, [MEF_6E]))
      .when(setFormation())
      .thenRejects('formation_unknown', `la formation ${MEF_5E}`);
  });

  it('refuses a pupil who is not of the year', () => {
    given(pupil(), year)
      .when(setFormation())
      .thenRejects('not_in_year', 'l’élève E001 n’est ni inscrit ni préinscrit en 2026-2027');
  });

  it('checks the class’s formations when the class is named', () => {
    given(pupil(enrolled('6A')), year, aClass('6A', [MEF_6E]))
      .when(setFormation({ classCode: '6A' }))
      .thenRejects('formation_not_in_class');
    given(pupil(enrolled('6A')), year, aClass('6A', [MEF_6E, MEF_5E]))
      .when(setFormation({ classCode: '6A' }))
      .thenEmits(PupilFormationSet.create({ ...yearRef, formationCode: MEF_5E }));
  });

  it('refuses a class that is not the pupil’s', () => {
    given(pupil(enrolled('6A')), year, aClass('6B', [MEF_5E]))
      .when(setFormation({ classCode: '6B' }))
      .thenRejects('class_mismatch', 'l’élève E001 est en classe 6A en 2026-2027, pas en 6B');
  });
});

describe('context streams', () => {
  it('reads the class of the command’s year only', () => {
    given(pupil(), year, aClass('6A', [], { year: YEAR + 1 }))
      .when(cmd('EnrolPupil', { ...pupilRef, year: YEAR, classCode: '6A', entryDate: '2026-09-01' }))
      .thenRejects('class_unknown');
  });
});
