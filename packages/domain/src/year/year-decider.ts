import { YearOpened } from '@liaison/events';
import { type Command } from '../commands/command';
import { accept, type Decider, type Decision } from '../decider';
import { RuleViolationError } from '../errors';
import { type EstablishmentState } from '../establishment/establishment-state';
import { schoolYearLabel } from '../values';
import { type OpenYear } from './year-commands';
import { evolveYear } from './year-evolve';
import { initialYearState, type YearState } from './year-state';

type YearCommand = Command<'OpenYear', OpenYear>;

export interface YearContext {
  establishment: EstablishmentState;
}

function decide(command: YearCommand, state: YearState, context: YearContext): Decision {
  switch (command.type) {
    case 'OpenYear': {
      const p = command.payload;
      if (!context.establishment.registered) {
        throw new RuleViolationError('establishment_unknown', `l’établissement ${p.uai} n’est pas enregistré`);
      }
      if (state.opened) {
        throw new RuleViolationError(
          'year_already_open',
          `l’année ${schoolYearLabel(p.year)} est déjà ouverte pour l’établissement ${p.uai}`,
        );
      }
      return accept([YearOpened.create(p)]);
    }
  }
}

export const yearDecider: Decider<YearCommand, YearState, YearContext> = {
  initialState: initialYearState,
  evolve: evolveYear,
  decide,
};
