import { type NewEvent } from '@liaison/events';

/** What a decider sees of an event: its type and its data at the latest schema version. */
export interface DomainEvent<TData = unknown, TType extends string = string> {
  type: TType;
  data: TData;
}

/** Events for a stream other than the command's own; it must be one of the command's context streams. */
export interface StreamEvents {
  streamId: string;
  events: NewEvent[];
}

/**
 * The outcome of an accepted command: the events to append to the command's stream, events
 * for some of its context streams (a guardian person created with a pupil), and French
 * warnings for the user. All of it is appended in one transaction.
 */
export interface Decision {
  events: NewEvent[];
  warnings: string[];
  others?: StreamEvents[];
}

/**
 * An aggregate as three pure functions. They do no I/O, so the server, the tests and the
 * browser fold history with the very same `evolve`.
 */
export interface Decider<TCommand, TState, TContext = unknown> {
  initialState(): TState;
  evolve(state: TState, event: DomainEvent): TState;
  /** Throws a `DomainError` to refuse the command. */
  decide(command: TCommand, state: TState, context: TContext): Decision;
}

export function fold<TState>(
  decider: Pick<Decider<unknown, TState>, 'initialState' | 'evolve'>,
  events: Iterable<DomainEvent>,
  from: TState = decider.initialState(),
): TState {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

export function accept(events: NewEvent[], warnings: string[] = [], others: StreamEvents[] = []): Decision {
  return others.length > 0 ? { events, warnings, others } : { events, warnings };
}

/**
 * A decider that judges several command types, as the `CommandDefinition` of one of them sees it.
 * Sound because the pipeline hands a definition's decider only commands of that definition's type.
 */
export function deciderFor<TCommand extends { type: string; payload: unknown }, TType extends TCommand['type'], TState, TContext>(
  decider: Decider<TCommand, TState, TContext>,
  _type: TType,
): Decider<{ type: string; payload: Extract<TCommand, { type: TType }>['payload'] }, TState, TContext> {
  return decider as unknown as Decider<
    { type: string; payload: Extract<TCommand, { type: TType }>['payload'] },
    TState,
    TContext
  >;
}
