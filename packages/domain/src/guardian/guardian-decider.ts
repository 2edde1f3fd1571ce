import { GuardianSiecleIdSet } from '@liaison/events';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision } from '../decider';
import { RuleViolationError } from '../errors';
import { type SetGuardianSiecleId } from './guardian-commands';
import { evolveGuardian } from './guardian-evolve';
import { type GuardianState, initialGuardianState } from './guardian-state';

/**
 * Commands whose target is the guardian's own stream. Registering and correcting a person go
 * through the pupil commands (`RegisterPupil`, `AddGuardian`, `CorrectGuardian`), which write to
 * the guardian stream as one of their context streams.
 */
export type GuardianCommand = Command<'SetGuardianSiecleId', SetGuardianSiecleId>;

function decide(command: GuardianCommand, state: GuardianState): Decision {
  switch (command.type) {
    case 'SetGuardianSiecleId': {
      const p = command.payload;
      if (!state.registered) {
        throw new RuleViolationError(
          'guardian_unknown',
          `le responsable ${p.guardianId} n’est pas enregistré dans l’établissement ${p.uai}`,
        );
      }
      if (state.siecleId === p.personneId) return accept([]);
      return accept([GuardianSiecleIdSet.create(p)]);
    }
  }
}

export const guardianDecider: Decider<GuardianCommand, GuardianState> = {
  initialState: initialGuardianState,
  evolve: evolveGuardian,
  decide,
};
