import { EstablishmentRegistered } from '@liaison/events';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision, type DomainEvent } from '../decider';
import { RuleViolationError } from '../errors';
import { type RegisterEstablishment } from './establishment-commands';
import { type EstablishmentState, initialEstablishmentState } from './establishment-state';

type EstablishmentCommand = Command<'RegisterEstablishment', RegisterEstablishment>;

function evolve(state: EstablishmentState, event: DomainEvent): EstablishmentState {
  switch (event.type) {
    case EstablishmentRegistered.type: {
      const data = event.data as RegisterEstablishment;
      return { ...state, registered: true, ...data };
    }
    default:
      return state;
  }
}

function decide(command: EstablishmentCommand, state: EstablishmentState): Decision {
  switch (command.type) {
    case 'RegisterEstablishment': {
      const p = command.payload;
      if (state.registered) {
        throw new RuleViolationError(
          'establishment_exists',
          `l’établissement ${p.uai} est déjà enregistré (« ${state.name} »)`,
        );
      }
      return accept([EstablishmentRegistered.create(p)]);
    }
  }
}

export const establishmentDecider: Decider<EstablishmentCommand, EstablishmentState> = {
  initialState: initialEstablishmentState,
  evolve,
  decide,
};
