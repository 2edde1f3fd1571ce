import { type z } from 'zod';
import { type Decider } from '../decider';

/** A domain command as it arrives over HTTP or in a JSONL line. */
export interface Command<TType extends string = string, TPayload = unknown> {
  type: TType;
  payload: TPayload;
}

/** The folding half of a decider: enough to rebuild a stream's state. */
export type Evolver<TState> = Pick<Decider<unknown, TState>, 'initialState' | 'evolve'>;

/** Another stream a rule reads. Its version is checked again when the events are appended. */
export interface ContextStream<TState = unknown> {
  streamId: string;
  aggregate: Evolver<TState>;
}

/**
 * Everything the pipeline needs to run one command type: how to validate it, which stream it
 * writes, which streams it reads, and the decider that judges it.
 */
// The registry holds command types of unrelated payloads and states side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface CommandDefinition<TPayload = any, TState = any, TContext = any> {
  readonly type: string;
  /** Validates the payload; failures are invalid input (exit 2, HTTP 400). */
  readonly payload: z.ZodType<TPayload>;
  readonly decider: Decider<Command<string, TPayload>, TState, TContext>;
  /**
   * Bookkeeping the server records itself (an import's report, an export's manifest): refused
   * when it comes from outside (HTTP, `liaison exec`).
   */
  readonly internal?: boolean;
  /** The one stream the events are appended to. */
  streamId(payload: TPayload): string;
  /** Streams whose folded states form the decider's context, keyed by name. */
  context?(payload: TPayload): Record<string, ContextStream>;
  /**
   * Read-model look-ups the rule needs beyond streams (who holds an INE, how many pupils a
   * class has), resolved inside the command's transaction and added to the context by name.
   */
  lookups?(payload: TPayload): Record<string, Lookup>;
}

/** A question to the read models, answered by the resolver registered for its `kind`. */
export interface Lookup {
  kind: string;
  params: Record<string, unknown>;
}

export function defineCommand<TPayload, TState, TContext = Record<string, never>>(
  definition: CommandDefinition<TPayload, TState, TContext>,
): CommandDefinition<TPayload, TState, TContext> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(definition.type)) {
    throw new Error(`Command type "${definition.type}" must be PascalCase`);
  }
  return definition;
}
