import { NextYearPlanned } from '@liaison/events';
import { fold } from '../decider';
import { pupilDecider } from './pupil-decider';
import {
  cmd,
  enrolled,
  establishment,
  exited,
  given,
  MEF_5E,
  MEF_6E,
  nextYearFormations,
  openYear,
  preEnrolled,
  pupil,
  registered,
  YEAR,
  yearRef,
} from './testing/pupil-fixtures';

const LEVELS = ['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const plan = (fields: Record<string, unknown>) => cmd('PlanNextYear', { ...yearRef, ...fields });
const planned = (fields: Omit<Parameters<typeof NextYearPlanned.create>[0], 'uai' | 'pupilId' | 'year'>) =>
  NextYearPlanned.create({ ...yearRef, ...fields });

describe('PlanNextYear — first degree', () => {
  const school = [establishment('first'), openYear(YEAR, LEVELS)];

  it('sends a passage without formation to the next level', () => {
    given(pupil(enrolled('CE1A', 'CE1')), ...school)
      .when(plan({ decision: 'passage' }))
      .thenEmits(planned({ decision: 'passage', formationCode: 'CE2' }));
  });

  it('keeps a passage’s formation and class when given', () => {
    given(pupil(enrolled('GSA', 'GS')), ...school)
      .when(plan({ decision: 'passage', formationCode: 'CP', classCode: 'CPB' }))
      .thenEmits(planned({ decision: 'passage', formationCode: 'CP', classCode: 'CPB' }));
  });

  it('refuses a passage from CM2', () => {
    given(pupil(enrolled('CM2A', 'CM2')), ...school)
      .when(plan({ decision: 'passage' }))
      .thenRejects('no_next_level', 'l’élève E001 est en CM2 en 2026-2027');
  });

  it('refuses a passage without formation when the pupil’s level is not known', () => {
    given(pupil(enrolled('CE1A')), ...school)
      .when(plan({ decision: 'passage' }))
      .thenRejects('formation_required', 'n’est pas renseignée');
  });

  it('plans a redoublement', () => {
    given(pupil(enrolled('CM2A', 'CM2')), ...school)
      .when(plan({ decision: 'redoublement' }))
      .thenEmits(planned({ decision: 'redoublement' }));
  });
});

describe('PlanNextYear — second degree', () => {
  const school = [establishment('second'), openYear(YEAR, [MEF_6E, MEF_5E])];

  it('refuses a passage without formation', () => {
    given(pupil(enrolled('6A', MEF_6E)), ...school)
      .when(plan({ decision: 'passage' }))
      .thenRejects('formation_required', 'demande la formation (MEF) de l’an prochain');
  });

  it('checks the formation against year Y when Y+1 has no nomenclature yet', () => {
    given(pupil(enrolled('6A', MEF_6E)), ...school)
      .when(plan({ decision: 'passage', formationCode: MEF_5E, classCode: '5A' }))
      .thenEmits(planned({ decision: 'passage', formationCode: MEF_5E, classCode: '5A' }));
    given(pupil(enrolled('6A', MEF_6E)), ...school)
      .when(plan({ decision: 'passage', formationCode: '10210001110' }))
      .thenRejects('formation_unknown', 'n’est pas déclarée pour 2026-2027');
  });

  it('checks the formation against year Y+1 once it has one', () => {
    const next = nextYearFormations(YEAR + 1, ['10210001110']);
    given(pupil(enrolled('6A', MEF_6E)), ...school, next)
      .when(plan({ decision: 'passage', formationCode: '10210001110' }))
      .thenEmits(planned({ decision: 'passage', formationCode: '10210001110' }));
    given(pupil(enrolled('6A', MEF_6E)), ...school, next)
      .when(plan({ decision: 'passage', formationCode: MEF_5E }))
      .thenRejects('formation_unknown', 'n’est pas déclarée pour 2027-2028');
  });

  it('refuses a formation when neither year declares any', () => {
    given(pupil(enrolled('6A', MEF_6E)), establishment('second'), openYear(YEAR))
      .when(plan({ decision: 'redoublement', formationCode: MEF_6E }))
      .thenRejects('formation_unknown', 'aucune formation');
  });

  it('plans a sortie with its motive and date', () => {
    given(pupil(enrolled('6A', MEF_6E)), ...school)
      .when(plan({ decision: 'sortie', motive: '11', exitDate: '2027-07-04' }))
      .thenEmits(planned({ decision: 'sortie', motive: '11', exitDate: '2027-07-04' }));
  });

  it('refuses a sortie dated outside the year or before the entry', () => {
    given(pupil(enrolled('6A', MEF_6E)), ...school)
      .when(plan({ decision: 'sortie', exitDate: '2027-09-01' }))
      .thenRejects('exit_date_outside_year');
    given(pupil(enrolled('6A', MEF_6E, '2026-10-01')), ...school)
      .when(plan({ decision: 'sortie', exitDate: '2026-09-15' }))
      .thenRejects('exit_before_entry');
  });

  it.each([
    ['a motive outside the national list', { decision: 'sortie', motive: '50' }, 'liste nationale'],
    ['a motive with a passage', { decision: 'passage', formationCode: MEF_5E, motive: '11' }, 'sortie'],
    ['a formation with a sortie', { decision: 'sortie', formationCode: MEF_5E }, 'sans objet'],
    ['an unknown decision', { decision: 'promotion' }, 'décision invalide'],
  ])('refuses %s as invalid input', (_label, fields, message) => {
    given(pupil(enrolled('6A', MEF_6E)), ...school)
      .when(plan(fields))
      .thenRejects('invalid_value', message);
  });

  it('refuses a pupil who is not enrolled in the year', () => {
    given(pupil(preEnrolled()), ...school)
      .when(plan({ decision: 'redoublement' }))
      .thenRejects('not_enrolled');
  });

  it('refuses a pupil who left during the year', () => {
    given(pupil(enrolled(), exited()), ...school)
      .when(plan({ decision: 'redoublement' }))
      .thenRejects('pupil_exited');
  });

  it('emits nothing for the same plan, and replaces a different one', () => {
    const history = pupil(enrolled('6A', MEF_6E), planned({ decision: 'redoublement' }));
    given(history, ...school)
      .when(plan({ decision: 'redoublement' }))
      .thenEmits();
    given(history, ...school)
      .when(plan({ decision: 'passage', formationCode: MEF_5E }))
      .thenEmits(planned({ decision: 'passage', formationCode: MEF_5E }));
    const state = fold(pupilDecider, [registered, enrolled('6A', MEF_6E), planned({ decision: 'sortie', motive: '40' })]);
    expect(state.years[YEAR]?.plan).toEqual({ decision: 'sortie', motive: '40' });
  });
});
