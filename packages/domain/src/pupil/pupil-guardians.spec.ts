import { GuardianAdded, GuardianCorrected, GuardianLinkCorrected, GuardianRegistered, GuardianRemoved } from '@liaison/events';
import { fold } from '../decider';
import { streamIds } from '../streams';
import { stream } from '../testing/given-when-then';
import { pupilDecider } from './pupil-decider';
import {
  cmd,
  given,
  guardianInput,
  guardianPerson,
  guardianRelation,
  pupil,
  pupilRef,
  registered,
  UAI,
} from './testing/pupil-fixtures';

const guardianStreamId = streamIds.guardian(UAI, 'G1');
const person = stream(guardianStreamId, GuardianRegistered.create({ uai: UAI, guardianId: 'G1', ...guardianPerson }));
const linked = GuardianAdded.create({ ...pupilRef, guardianId: 'G1', ...guardianRelation });

describe('AddGuardian', () => {
  const add = (guardian: Record<string, unknown> = guardianInput) => cmd('AddGuardian', { ...pupilRef, guardian });

  it('registers a new person on the guardian stream and links it to the pupil', () => {
    const decision = given(pupil())
      .when(add({ ...guardianInput, livesWith: true }))
      .thenEmits(GuardianAdded.create({ ...pupilRef, guardianId: 'G1', ...guardianRelation, livesWith: true }));
    expect(decision.others).toEqual([
      { streamId: guardianStreamId, events: [GuardianRegistered.create({ uai: UAI, guardianId: 'G1', ...guardianPerson })] },
    ]);
  });

  it('links a known person (a sibling’s guardian) without touching its stream', () => {
    const decision = given(pupil(), person).when(add()).thenEmits(linked);
    expect(decision.others).toBeUndefined();
  });

  it('refuses a known person stated differently, pointing to CorrectGuardian', () => {
    given(pupil(), person)
      .when(add({ ...guardianInput, address: { ...guardianInput.address, line1: '5 rue de Rivoli' } }))
      .thenRejects('guardian_differs', /adresse.*CorrectGuardian/);
  });

  it('refuses a guardian already linked to the pupil', () => {
    given(pupil(linked), person)
      .when(add())
      .thenRejects('guardian_already_linked', 'le responsable G1 est déjà un responsable de l’élève E001');
  });

  it('refuses an unknown pupil', () => {
    given().when(add()).thenRejects('pupil_unknown');
  });

  it.each([
    ['a civility other than M. or MME', { civility: 'Mme' }, 'civilité'],
    ['an unknown link code', { link: '99' }, 'lien de parenté « 99 » invalide'],
    ['a malformed e-mail', { email: 'claire.dupont' }, 'courriel invalide'],
    ['a profession that is not a PCS code', { profession: 'professeur' }, 'code PCS'],
    ['a missing address', { address: undefined }, 'address'],
  ])('refuses %s as invalid input', (_label, fields, message) => {
    given(pupil())
      .when(add({ ...guardianInput, ...fields }))
      .thenRejects('invalid_value', message);
  });
});

describe('CorrectGuardian', () => {
  const correct = (fields: Record<string, unknown>) =>
    cmd('CorrectGuardian', { ...pupilRef, guardian: { guardianId: 'G1', ...fields } });

  it('writes person changes to the guardian stream', () => {
    const decision = given(pupil(linked), person)
      .when(correct({ lastName: 'MARTIN', mobile: null, email: 'c.martin@example.fr' }))
      .thenEmits();
    expect(decision.others).toEqual([
      {
        streamId: guardianStreamId,
        events: [
          GuardianCorrected.create({
            uai: UAI,
            guardianId: 'G1',
            changes: { lastName: 'MARTIN', mobile: null, email: 'c.martin@example.fr' },
          }),
        ],
      },
    ]);
  });

  it('writes relation changes to the pupil stream', () => {
    const decision = given(pupil(linked), person)
      .when(correct({ legalLevel: 2, parentalAuthority: true, livesWith: false }))
      .thenEmits(GuardianLinkCorrected.create({ ...pupilRef, guardianId: 'G1', changes: { legalLevel: 2, livesWith: false } }));
    expect(decision.others).toBeUndefined();
  });

  it('corrects both at once', () => {
    const decision = given(pupil(linked), person)
      .when(correct({ link: '20', civility: 'M.' }))
      .thenEmits(GuardianLinkCorrected.create({ ...pupilRef, guardianId: 'G1', changes: { link: '20' } }));
    expect(decision.others?.[0]?.events).toEqual([
      GuardianCorrected.create({ uai: UAI, guardianId: 'G1', changes: { civility: 'M.' } }),
    ]);
  });

  it('emits nothing when nothing changes', () => {
    const decision = given(pupil(linked), person)
      .when(correct({ lastName: 'DUPONT', link: '10', phone: null }))
      .thenEmits();
    expect(decision.others).toBeUndefined();
  });

  it('refuses a guardian that is not linked to the pupil', () => {
    given(pupil(), person)
      .when(correct({ lastName: 'MARTIN' }))
      .thenRejects('guardian_not_linked', 'le responsable G1 n’est pas un responsable de l’élève E001');
  });

  it('refuses a linked guardian whose person was never registered', () => {
    given(pupil(linked))
      .when(correct({ lastName: 'MARTIN' }))
      .thenRejects('guardian_unknown');
  });

  it('refuses a correction with no field, a misspelt one, or an invalid link', () => {
    given(pupil(linked), person).when(correct({})).thenRejects('invalid_value', 'au moins un champ');
    given(pupil(linked), person)
      .when(correct({ lastname: 'MARTIN' }))
      .thenRejects('invalid_value');
    given(pupil(linked), person)
      .when(correct({ link: '3' }))
      .thenRejects('invalid_value', 'lien de parenté');
  });
});

describe('RemoveGuardian', () => {
  it('unlinks the guardian; the person stays', () => {
    const decision = given(pupil(linked), person)
      .when(cmd('RemoveGuardian', { ...pupilRef, guardianId: 'G1' }))
      .thenEmits(GuardianRemoved.create({ ...pupilRef, guardianId: 'G1' }));
    expect(decision.others).toBeUndefined();
  });

  it('also takes the guardian as `guardian: { guardianId }`', () => {
    given(pupil(linked))
      .when(cmd('RemoveGuardian', { ...pupilRef, guardian: { guardianId: 'G1' } }))
      .thenEmits(GuardianRemoved.create({ ...pupilRef, guardianId: 'G1' }));
  });

  it('refuses a guardian that is not linked', () => {
    given(pupil())
      .when(cmd('RemoveGuardian', { ...pupilRef, guardianId: 'G1' }))
      .thenRejects('guardian_not_linked');
  });

  it('refuses a payload without the guardian', () => {
    given(pupil(linked)).when(cmd('RemoveGuardian', pupilRef)).thenRejects('invalid_value', 'guardianId');
  });
});

describe('evolvePupil — guardians', () => {
  it('keeps each relation by guardian id', () => {
    const state = fold(pupilDecider, [
      registered,
      linked,
      GuardianAdded.create({ ...pupilRef, guardianId: 'G2', link: '20', legalLevel: 1, parentalAuthority: true }),
      GuardianLinkCorrected.create({ ...pupilRef, guardianId: 'G1', changes: { legalLevel: 2, livesWith: true } }),
      GuardianRemoved.create({ ...pupilRef, guardianId: 'G2' }),
    ]);
    expect(state.guardians).toEqual({ G1: { link: '10', legalLevel: 2, parentalAuthority: true, livesWith: true } });
  });
});
