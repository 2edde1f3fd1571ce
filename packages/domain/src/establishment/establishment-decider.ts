import { EstablishmentRegistered, ExchangeModeSet } from '@liaison/events';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision } from '../decider';
import { RuleViolationError } from '../errors';
import { type RegisterEstablishment, type SetExchangeMode } from './establishment-commands';
import { evolveEstablishment } from './establishment-evolve';
import { type EstablishmentState, initialEstablishmentState } from './establishment-state';

export type EstablishmentCommand =
  Command<'RegisterEstablishment', RegisterEstablishment> | Command<'SetExchangeMode', SetExchangeMode>;

/** Refuses a command on an establishment that was never registered. */
export function assertEstablishmentRegistered(state: EstablishmentState, uai: string): void {
  if (!state.registered) {
    throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`, { uai });
  }
}

function decide(command: EstablishmentCommand, state: EstablishmentState): Decision {
  switch (command.type) {
    case 'RegisterEstablishment': {
      const p = command.payload;
      if (state.registered) {
        throw new RuleViolationError('establishment_exists', `l’établissement ${p.uai} est déjà enregistré (« ${state.name} »)`);
      }
      return accept([EstablishmentRegistered.create(p)]);
    }
    case 'SetExchangeMode': {
      const p = command.payload;
      assertEstablishmentRegistered(state, p.uai);
      // Only an explicit change is a fact: the same mode again records nothing.
      if (state.exchangeMode === p.mode) return accept([]);
      return accept([ExchangeModeSet.create({ uai: p.uai, mode: p.mode })]);
    }
  }
}

export const establishmentDecider: Decider<EstablishmentCommand, EstablishmentState> = {
  initialState: initialEstablishmentState,
  evolve: evolveEstablishment,
  decide,
};
