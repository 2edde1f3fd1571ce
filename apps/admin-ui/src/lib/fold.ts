import { coreAggregates, diffStates, streamTypeOf } from '@liaison/domain';
import type { EventDto, FieldChangeDto } from '../api/types';

const evolvers = new Map(coreAggregates);

/**
 * A stream's state right after global position `upTo`, folded in the browser with the domain's
 * own `evolve` (the very function the server folds with): time travel without a round trip.
 */
export function foldStream<T = unknown>(
  events: readonly EventDto[],
  streamId: string,
  upTo = Number.POSITIVE_INFINITY,
): T | undefined {
  const evolver = evolvers.get(streamTypeOf(streamId));
  if (!evolver) return undefined;
  let state = evolver.initialState();
  for (const e of events) {
    if (e.streamId !== streamId || e.globalPosition > upTo) continue;
    state = evolver.evolve(state, { type: e.type, data: e.data });
  }
  return state as T;
}

/** The differences between two folded states, as the server's history computes them. */
export const diff = (before: unknown, after: unknown): FieldChangeDto[] => diffStates(before, after);
