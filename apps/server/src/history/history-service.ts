import { diffStates, type Evolver, type FieldChange, streamTypeOf } from '@liaison/domain';
import { type RecordedEvent } from '@liaison/events';
import { type EventStore } from '../event-store/event-store';

export type EventWithChanges = RecordedEvent & { changes: FieldChange[] };

/**
 * Adds to each event the values it changed, "before → after", by folding its stream with the
 * aggregate's own `evolve` up to that event.
 */
export class HistoryService {
  constructor(
    private readonly store: EventStore,
    private readonly evolvers: ReadonlyMap<string, Evolver<unknown>>,
  ) {}

  withChanges(events: readonly RecordedEvent[]): EventWithChanges[] {
    const wanted = new Map<string, Set<string>>();
    const upTo = new Map<string, number>();
    for (const e of events) {
      if (!wanted.has(e.streamId)) wanted.set(e.streamId, new Set());
      wanted.get(e.streamId)!.add(e.eventId);
      upTo.set(e.streamId, Math.max(upTo.get(e.streamId) ?? 0, e.globalPosition));
    }
    const changes = new Map<string, FieldChange[]>();
    for (const [streamId, ids] of wanted) {
      const evolver = this.evolvers.get(streamTypeOf(streamId));
      if (!evolver) continue;
      let state = evolver.initialState();
      for (const e of this.store.readStream(streamId, upTo.get(streamId)).events) {
        const next = evolver.evolve(state, e);
        if (ids.has(e.eventId)) changes.set(e.eventId, diffStates(state, next));
        state = next;
      }
    }
    return events.map((e) => ({ ...e, changes: changes.get(e.eventId) ?? [] }));
  }
}
