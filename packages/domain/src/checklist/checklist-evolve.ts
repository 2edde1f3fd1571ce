import { ChecklistStepTicked, ChecklistStepUnticked, type EventData } from '@liaison/events';
import { type DomainEvent } from '../decider';
import { type ChecklistState } from './checklist-state';

export function evolveChecklist(state: ChecklistState, event: DomainEvent): ChecklistState {
  switch (event.type) {
    case ChecklistStepTicked.type: {
      const { stepId, doneOn } = event.data as EventData<typeof ChecklistStepTicked>;
      return { ticks: { ...state.ticks, [stepId]: [...(state.ticks[stepId] ?? []), doneOn] } };
    }
    case ChecklistStepUnticked.type: {
      const { stepId, occurrence } = event.data as EventData<typeof ChecklistStepUnticked>;
      const current = state.ticks[stepId] ?? [];
      // An untick without a rank (not written by this decider) takes back the last tick.
      const index = (occurrence ?? current.length) - 1;
      const rest = current.filter((_, i) => i !== index);
      const ticks = { ...state.ticks };
      if (rest.length > 0) ticks[stepId] = rest;
      else delete ticks[stepId];
      return { ticks };
    }
    default:
      return state;
  }
}
