import { GuardianAdded, NationalIdAssigned, PupilIdentityCorrected } from '@liaison/events';
import { fold } from '../decider';
import { pupilDecider } from './pupil-decider';
import {
  aClass,
  cmd,
  enrolled,
  establishment,
  exited,
  given,
  guardianInput,
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

const exit = (fields: Record<string, unknown> = {}) =>
  cmd('ExitPupil', { ...yearRef, exitDate: '2027-01-15', motive: '11', ...fields });

describe('ExitPupil', () => {
  it('records the exit date and motive', () => {
    given(pupil(enrolled())).when(exit()).thenEmits(exited('2027-01-15', '11'));
    const state = fold(pupilDecider, [registered, enrolled('6A', MEF_6E), exited()]);
    expect(state.years[YEAR]).toMatchObject({
      status: 'sorti',
      classCode: '6A',
      formationCode: MEF_6E,
      exitDate: '2027-01-15',
      exitMotive: '11',
    });
  });

  it('accepts the first and the last day of the school year', () => {
    given(pupil(enrolled()))
      .when(exit({ exitDate: '2026-09-01' }))
      .thenEmits(exited('2026-09-01'));
    given(pupil(enrolled()))
      .when(exit({ exitDate: '2027-08-31' }))
      .thenEmits(exited('2027-08-31'));
  });

  it('refuses an exit date outside the school year', () => {
    given(pupil(enrolled()))
      .when(exit({ exitDate: '2027-09-01' }))
      .thenRejects('exit_date_outside_year', /en dehors de l’année 2026-2027/);
    given(pupil(enrolled()))
      .when(exit({ exitDate: '2026-08-31' }))
      .thenRejects('exit_date_outside_year');
  });

  it('refuses an exit before the entry date', () => {
    given(pupil(enrolled('6A', undefined, '2026-11-03')))
      .when(exit({ exitDate: '2026-10-15' }))
      .thenRejects('exit_before_entry', 'la sortie du 15/10/2026 de l’élève E001 précède son entrée du 03/11/2026');
  });

  it('refuses a pupil who is not enrolled that year', () => {
    given(pupil()).when(exit()).thenRejects('not_enrolled', 'l’élève E001 n’est pas inscrit en 2026-2027');
    given(pupil(preEnrolled())).when(exit()).thenRejects('not_enrolled', 'préinscrit');
  });

  it('refuses a motive outside the national list as invalid input', () => {
    given(pupil(enrolled()))
      .when(exit({ motive: '5' }))
      .thenRejects('invalid_value', /« 5 ».*liste nationale des 29 motifs/);
  });

  it('corrects the date or motive with a second exit, and emits nothing for the same one', () => {
    given(pupil(enrolled(), exited()))
      .when(exit({ motive: '40' }))
      .thenEmits(exited('2027-01-15', '40'));
    given(pupil(enrolled(), exited())).when(exit()).thenEmits();
  });

  it('refuses an unknown pupil', () => {
    given().when(exit()).thenRejects('pupil_unknown');
  });
});

describe('after an exit', () => {
  const left = pupil(enrolled('6A', MEF_6E), exited());
  const context = [openYear(YEAR, [MEF_6E, MEF_5E]), aClass('6B', [MEF_6E]), establishment('second')];

  it.each([
    ['SetPupilLanguages', { lv1: 'ENG' }],
    ['SetPupilDispositifs', { dispositifs: ['ULIS'] }],
    ['SetPupilSchooling', { regime: '2' }],
    ['ChangePupilClass', { classCode: '6B', date: '2027-02-01' }],
    ['SetPupilFormation', { formationCode: MEF_5E }],
    ['PlanNextYear', { decision: 'passage', formationCode: MEF_5E }],
  ])('refuses %s for that year', (type, fields) => {
    given(left, ...context)
      .when(cmd(type, { ...yearRef, ...fields }))
      .thenRejects('pupil_exited', 'l’élève E001 est sorti le 15/01/2027 en 2026-2027');
  });

  it('still takes corrections of the identity, guardians and INE', () => {
    given(left)
      .when(cmd('CorrectPupilIdentity', { ...pupilRef, firstName: 'Marine' }))
      .thenEmits(PupilIdentityCorrected.create({ ...pupilRef, changes: { firstName: 'Marine' } }));
    given(left)
      .when(cmd('AddGuardian', { ...pupilRef, guardian: guardianInput }))
      .thenEmits(GuardianAdded.create({ ...pupilRef, guardianId: 'G1', link: '10', legalLevel: 1, parentalAuthority: true }));
    given(left)
      .withLookup('ineHolder', null)
      .when(cmd('AssignNationalId', { ...pupilRef, ine: '070832327JA' }))
      .thenEmits(NationalIdAssigned.create({ ...pupilRef, ine: '070832327JA' }));
  });
});
