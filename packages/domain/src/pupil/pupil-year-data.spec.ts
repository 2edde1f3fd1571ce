import { PupilDispositifsSet, PupilLanguagesSet, PupilSchoolingSet } from '@liaison/events';
import { fold } from '../decider';
import { pupilDecider } from './pupil-decider';
import { cmd, enrolled, given, openYear, preEnrolled, pupil, registered, YEAR, yearRef } from './testing/pupil-fixtures';

describe('SetPupilLanguages', () => {
  const setLanguages = (fields: Record<string, unknown>) => cmd('SetPupilLanguages', { ...yearRef, ...fields });

  it('sets LV1 and LV2 of a pre-enrolled or enrolled pupil', () => {
    given(pupil(preEnrolled()), openYear(YEAR))
      .when(setLanguages({ lv1: 'ENG', lv2: 'GER' }))
      .thenEmits(PupilLanguagesSet.create({ ...yearRef, lv1: 'ENG', lv2: 'GER' }));
  });

  it('emits nothing when the languages are unchanged, and clears LV2 when left out', () => {
    const history = pupil(enrolled(), PupilLanguagesSet.create({ ...yearRef, lv1: 'ENG', lv2: 'GER' }));
    given(history, openYear(YEAR))
      .when(setLanguages({ lv1: 'ENG', lv2: 'GER' }))
      .thenEmits();
    given(history, openYear(YEAR))
      .when(setLanguages({ lv1: 'ENG' }))
      .thenEmits(PupilLanguagesSet.create({ ...yearRef, lv1: 'ENG' }));
  });

  it('refuses a language the year’s nomenclature does not declare', () => {
    given(pupil(enrolled()), openYear(YEAR, [], ['ENG', 'GER']))
      .when(setLanguages({ lv1: 'ENG', lv2: 'ITA' }))
      .thenRejects('language_unknown', 'la langue ITA de l’élève E001 n’est pas déclarée pour 2026-2027');
  });

  it('refuses a pupil who is not of the year', () => {
    given(pupil(enrolled('6A', undefined, '2025-09-01', YEAR - 1)), openYear(YEAR))
      .when(setLanguages({ lv1: 'ENG' }))
      .thenRejects('not_in_year', 'ni inscrit ni préinscrit en 2026-2027');
  });

  it('refuses the same language twice as invalid input', () => {
    given(pupil(enrolled()))
      .when(setLanguages({ lv1: 'ENG', lv2: 'ENG' }))
      .thenRejects('invalid_value', 'différente de la LV1');
  });
});

describe('SetPupilDispositifs', () => {
  const setDispositifs = (dispositifs: unknown) => cmd('SetPupilDispositifs', { ...yearRef, dispositifs });

  it('sets and clears the dispositifs of the year', () => {
    given(pupil(enrolled()))
      .when(setDispositifs(['ULIS']))
      .thenEmits(PupilDispositifsSet.create({ ...yearRef, dispositifs: ['ULIS'] }));
    given(pupil(enrolled(), PupilDispositifsSet.create({ ...yearRef, dispositifs: ['ULIS'] })))
      .when(setDispositifs([]))
      .thenEmits(PupilDispositifsSet.create({ ...yearRef, dispositifs: [] }));
  });

  it('emits nothing for the same dispositifs in another order', () => {
    given(pupil(enrolled(), PupilDispositifsSet.create({ ...yearRef, dispositifs: ['ULIS', 'UPE2A'] })))
      .when(setDispositifs(['UPE2A', 'ULIS']))
      .thenEmits();
  });

  it('refuses a pupil who is not of the year, and a duplicate as invalid input', () => {
    given(pupil())
      .when(setDispositifs(['ULIS']))
      .thenRejects('not_in_year');
    given(pupil(enrolled()))
      .when(setDispositifs(['ULIS', 'ULIS']))
      .thenRejects('invalid_value', 'deux fois');
  });
});

describe('SetPupilSchooling', () => {
  const setSchooling = (fields: Record<string, unknown>) => cmd('SetPupilSchooling', { ...yearRef, ...fields });

  it('records only the fields that change', () => {
    given(pupil(enrolled(), PupilSchoolingSet.create({ ...yearRef, regime: '2', statut: 'ST' })))
      .when(setSchooling({ regime: '2', statut: 'AP', transport: true }))
      .thenEmits(PupilSchoolingSet.create({ ...yearRef, statut: 'AP', transport: true }));
  });

  it('emits nothing when nothing changes', () => {
    given(pupil(enrolled(), PupilSchoolingSet.create({ ...yearRef, doublement: false })))
      .when(setSchooling({ doublement: false }))
      .thenEmits();
  });

  it('refuses a pupil who is not of the year, and an empty payload as invalid input', () => {
    given(pupil())
      .when(setSchooling({ regime: '2' }))
      .thenRejects('not_in_year');
    given(pupil(enrolled())).when(setSchooling({})).thenRejects('invalid_value', 'au moins un champ');
  });
});

describe('evolvePupil — data of the year', () => {
  it('keeps languages, dispositifs and schooling per year', () => {
    const state = fold(pupilDecider, [
      registered,
      enrolled('6A'),
      PupilLanguagesSet.create({ ...yearRef, lv1: 'ENG', lv2: 'GER' }),
      PupilDispositifsSet.create({ ...yearRef, dispositifs: ['ULIS'] }),
      PupilSchoolingSet.create({ ...yearRef, regime: '2', transport: true }),
      PupilSchoolingSet.create({ ...yearRef, transport: false }),
      preEnrolled({ classCode: '5A' }, YEAR + 1),
    ]);
    expect(state.years).toEqual({
      [YEAR]: {
        status: 'inscrit',
        classCode: '6A',
        entryDate: '2026-09-01',
        lv1: 'ENG',
        lv2: 'GER',
        dispositifs: ['ULIS'],
        schooling: { regime: '2', transport: false },
      },
      [YEAR + 1]: { status: 'preinscrit', classCode: '5A', dispositifs: [], schooling: {} },
    });
  });
});
