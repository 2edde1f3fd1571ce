import { type EventData, GuardianCorrected, GuardianRegistered, GuardianSiecleIdSet } from '@liaison/events';
import { type DomainEvent } from '../decider';
import { type GuardianPerson, type GuardianState } from './guardian-state';

/** Applies `changes` where a `null` clears an optional field. */
function corrected(person: GuardianPerson, changes: EventData<typeof GuardianCorrected>['changes']): GuardianPerson {
  const next: Record<string, unknown> = { ...person };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as unknown as GuardianPerson;
}

export function evolveGuardian(state: GuardianState, event: DomainEvent): GuardianState {
  switch (event.type) {
    case GuardianRegistered.type: {
      const { uai, guardianId, ...person } = event.data as EventData<typeof GuardianRegistered>;
      return { ...state, registered: true, uai, guardianId, person };
    }
    case GuardianCorrected.type: {
      if (!state.person) return state;
      return { ...state, person: corrected(state.person, (event.data as EventData<typeof GuardianCorrected>).changes) };
    }
    case GuardianSiecleIdSet.type:
      return { ...state, siecleId: (event.data as EventData<typeof GuardianSiecleIdSet>).personneId };
    default:
      return state;
  }
}
