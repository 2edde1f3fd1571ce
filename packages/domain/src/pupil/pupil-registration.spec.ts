import { GuardianAdded, GuardianRegistered, PupilIdentityCorrected, PupilRegistered, PupilSiecleIdSet } from '@liaison/events';
import { fold } from '../decider';
import { streamIds } from '../streams';
import { stream } from '../testing/given-when-then';
import { pupilDecider } from './pupil-decider';
import {
  cmd,
  establishment,
  given,
  guardianInput,
  guardianPerson,
  guardianRelation,
  pupil,
  pupilRef,
  registered,
  UAI,
} from './testing/pupil-fixtures';

const identity = { lastName: 'DUPONT', firstName: 'Marie', sex: 'F', birthDate: '2015-03-14' };
const register = (fields: Record<string, unknown> = {}) => cmd('RegisterPupil', { ...pupilRef, ...identity, ...fields });
const guardianStreamId = streamIds.guardian(UAI, 'G1');

describe('RegisterPupil', () => {
  it('registers the identity, with names trimmed', () => {
    given(establishment('second'))
      .when(
        register({
          lastName: ' DUPONT ',
          birthPlace: { country: '100', department: '075', communeCode: '75056' },
          nationality: '100',
        }),
      )
      .thenEmits(
        PupilRegistered.create({
          ...pupilRef,
          ...identity,
          sex: 'F',
          birthPlace: { country: '100', department: '075', communeCode: '75056' },
          nationality: '100',
        }),
      );
  });

  it('refuses a pupil already registered', () => {
    given(establishment('second'), pupil()).when(register()).thenRejects('pupil_exists', 'l’élève E001 est déjà enregistré');
  });

  it('refuses a pupil of an establishment that is not registered', () => {
    given()
      .when(register())
      .thenRejects('establishment_unknown', /0750680G n’est pas enregistré/);
  });

  it('registers a new guardian on its own stream and links it on the pupil’s', () => {
    const decision = given(establishment('second'))
      .when(register({ guardians: [guardianInput] }))
      .thenEmits(
        PupilRegistered.create({ ...pupilRef, ...identity, sex: 'F' }),
        GuardianAdded.create({ ...pupilRef, guardianId: 'G1', ...guardianRelation }),
      );
    expect(decision.others).toEqual([
      { streamId: guardianStreamId, events: [GuardianRegistered.create({ uai: UAI, guardianId: 'G1', ...guardianPerson })] },
    ]);
  });

  it('links a sibling’s guardian without registering the person again', () => {
    const decision = given(
      establishment('second'),
      stream(guardianStreamId, GuardianRegistered.create({ uai: UAI, guardianId: 'G1', ...guardianPerson })),
    )
      .when(register({ guardians: [{ ...guardianInput, mobile: undefined }] }))
      .thenEmits(
        PupilRegistered.create({ ...pupilRef, ...identity, sex: 'F' }),
        GuardianAdded.create({ ...pupilRef, guardianId: 'G1', ...guardianRelation }),
      );
    expect(decision.others).toBeUndefined();
  });

  it('refuses a known guardian stated with other person fields', () => {
    given(
      establishment('second'),
      stream(guardianStreamId, GuardianRegistered.create({ uai: UAI, guardianId: 'G1', ...guardianPerson })),
    )
      .when(register({ guardians: [{ ...guardianInput, lastName: 'MARTIN' }] }))
      .thenRejects('guardian_differs', /G1 .*\(nom\).*CorrectGuardian/);
  });

  it.each([
    ['a sex other than M or F', { sex: 'X' }, 'sexe invalide'],
    ['a birth date that does not exist', { birthDate: '2015-02-30' }, "ce jour n'existe pas"],
    ['a birth abroad without the city', { birthPlace: { country: '134' } }, 'naissance à l’étranger'],
    ['a nationality that is not an INSEE code', { nationality: 'FR' }, 'code pays INSEE'],
    ['a guardian link outside CODE_PARENTE', { guardians: [{ ...guardianInput, link: '1' }] }, 'lien de parenté « 1 » invalide'],
    ['a legal level outside 1-3', { guardians: [{ ...guardianInput, legalLevel: 4 }] }, 'niveau de responsabilité'],
    ['the same guardian twice', { guardians: [guardianInput, guardianInput] }, 'figure deux fois'],
    ['a previous school with a wrong UAI key', { previousSchool: { uai: '0750680A' } }, 'lettre clé'],
  ])('refuses %s as invalid input', (_label, fields, message) => {
    given(establishment('second')).when(register(fields)).thenRejects('invalid_value', message);
  });
});

describe('CorrectPupilIdentity', () => {
  const correct = (fields: Record<string, unknown>) => cmd('CorrectPupilIdentity', { ...pupilRef, ...fields });

  it('records only the fields that change', () => {
    given(pupil())
      .when(correct({ lastName: 'DUPONT', firstName: 'Marie-Anne', usageName: 'DURAND' }))
      .thenEmits(PupilIdentityCorrected.create({ ...pupilRef, changes: { firstName: 'Marie-Anne', usageName: 'DURAND' } }));
  });

  it('clears an optional field with null, and ignores clearing one that is not set', () => {
    given(pupil(PupilIdentityCorrected.create({ ...pupilRef, changes: { usageName: 'DURAND' } })))
      .when(correct({ usageName: null, firstName2: null }))
      .thenEmits(PupilIdentityCorrected.create({ ...pupilRef, changes: { usageName: null } }));
  });

  it('emits nothing when nothing changes', () => {
    given(pupil())
      .when(correct({ lastName: 'DUPONT', sex: 'F' }))
      .thenEmits();
  });

  it('refuses an unknown pupil', () => {
    given()
      .when(correct({ lastName: 'DUPONT' }))
      .thenRejects('pupil_unknown', 'l’élève E001 n’est pas enregistré');
  });

  it('refuses a correction without any field, or with a misspelt one', () => {
    given(pupil()).when(correct({})).thenRejects('invalid_value', 'au moins un champ');
    given(pupil())
      .when(correct({ lastname: 'DURAND' }))
      .thenRejects('invalid_value');
  });

  it('folds corrections into the identity', () => {
    const state = fold(pupilDecider, [
      registered,
      PupilIdentityCorrected.create({ ...pupilRef, changes: { usageName: 'DURAND', firstName: 'Marie-Anne' } }),
      PupilIdentityCorrected.create({ ...pupilRef, changes: { usageName: null } }),
    ]);
    expect(state.identity).toEqual({ lastName: 'DUPONT', firstName: 'Marie-Anne', sex: 'F', birthDate: '2015-03-14' });
  });
});

describe('SetPupilSiecleId', () => {
  const set = (eleveId: string) => cmd('SetPupilSiecleId', { ...pupilRef, eleveId });

  it('records SIECLE’s ELEVE_ID, once', () => {
    given(pupil())
      .when(set('1651077'))
      .thenEmits(PupilSiecleIdSet.create({ ...pupilRef, eleveId: '1651077' }));
    given(pupil(PupilSiecleIdSet.create({ ...pupilRef, eleveId: '1651077' })))
      .when(set('1651077'))
      .thenEmits();
  });

  it('refuses an unknown pupil and a non-numeric id', () => {
    given().when(set('1651077')).thenRejects('pupil_unknown');
    given(pupil()).when(set('AB12')).thenRejects('invalid_value', 'ELEVE_ID');
  });
});
