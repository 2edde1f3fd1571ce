import { EstablishmentRegistered, type EventData, ExchangeModeSet } from '@liaison/events';
import { type DomainEvent } from '../decider';
import { type EstablishmentState } from './establishment-state';

export function evolveEstablishment(state: EstablishmentState, event: DomainEvent): EstablishmentState {
  switch (event.type) {
    case EstablishmentRegistered.type: {
      const d = event.data as EventData<typeof EstablishmentRegistered>;
      return { ...state, registered: true, uai: d.uai, name: d.name, degree: d.degree, contract: d.contract };
    }
    case ExchangeModeSet.type:
      return { ...state, exchangeMode: (event.data as EventData<typeof ExchangeModeSet>).mode };
    default:
      return state;
  }
}
