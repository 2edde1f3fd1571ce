import { GuardianCorrected, GuardianRegistered, GuardianSiecleIdSet } from '@liaison/events';
import { fold } from '../decider';
import { guardianPerson } from '../pupil/testing/pupil-fixtures';
import { streamIds } from '../streams';
import { scenario, stream } from '../testing/given-when-then';
import { CommandRegistry } from '../commands/command-registry';
import { guardianDecider } from './guardian-decider';
import { guardianCommands } from './guardian-definitions';

const UAI = '0750680G';
const registry = new CommandRegistry().register(...guardianCommands);
const ref = { uai: UAI, guardianId: 'G1' };
const person = stream(streamIds.guardian(UAI, 'G1'), GuardianRegistered.create({ ...ref, ...guardianPerson }));
const set = (personneId: string) => ({ type: 'SetGuardianSiecleId', payload: { ...ref, personneId } });

describe('SetGuardianSiecleId', () => {
  it('records SIECLE’s PERSONNE_ID on the guardian stream', () => {
    scenario(registry)
      .given(person)
      .when(set('3456789'))
      .thenEmits(GuardianSiecleIdSet.create({ ...ref, personneId: '3456789' }));
  });

  it('emits nothing when the id is already recorded', () => {
    scenario(registry)
      .given(person, stream(streamIds.guardian(UAI, 'G1'), GuardianSiecleIdSet.create({ ...ref, personneId: '3456789' })))
      .when(set('3456789'))
      .thenEmits();
  });

  it('refuses a guardian that is not registered', () => {
    scenario(registry)
      .when(set('3456789'))
      .thenRejects('guardian_unknown', 'le responsable G1 n’est pas enregistré dans l’établissement 0750680G');
  });

  it('refuses a PERSONNE_ID that is not a number', () => {
    scenario(registry).given(person).when(set('P-1')).thenRejects('invalid_value', 'PERSONNE_ID');
  });
});

describe('evolveGuardian', () => {
  it('keeps the person, its corrections and its SIECLE id', () => {
    const state = fold(guardianDecider, [
      GuardianRegistered.create({ ...ref, ...guardianPerson, phone: '01 23 45 67 89' }),
      GuardianCorrected.create({ ...ref, changes: { lastName: 'MARTIN', phone: null, email: 'c.martin@example.fr' } }),
      GuardianSiecleIdSet.create({ ...ref, personneId: '3456789' }),
    ]);
    expect(state).toEqual({
      registered: true,
      ...ref,
      person: { ...guardianPerson, lastName: 'MARTIN', email: 'c.martin@example.fr' },
      siecleId: '3456789',
    });
  });
});
