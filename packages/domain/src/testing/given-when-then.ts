import { type NewEvent } from '@liaison/events';
import { type CommandRegistry } from '../commands/command-registry';
import { type Decision, fold } from '../decider';
import { DomainError } from '../errors';

/** Past events of one stream, as a test states them. */
export interface StreamHistory {
  streamId: string;
  events: NewEvent[];
}

export function stream(streamId: string, ...events: NewEvent[]): StreamHistory {
  return { streamId, events };
}

type Outcome = { decision: Decision } | { error: unknown };

/**
 * Decider specs read "given these past events, when this command, then these events (or this
 * error)". The command goes through the registry's validation exactly as in production.
 */
export class Scenario {
  private readonly history = new Map<string, NewEvent[]>();

  constructor(private readonly registry: CommandRegistry) {}

  given(...streams: StreamHistory[]): this {
    for (const s of streams) this.history.set(s.streamId, [...(this.history.get(s.streamId) ?? []), ...s.events]);
    return this;
  }

  when(command: { type: string; payload: unknown }): Then {
    let outcome: Outcome;
    try {
      const validated = this.registry.validate(command);
      const def = validated.definition;
      const state = fold(def.decider, this.history.get(def.streamId(validated.payload)) ?? []);
      const context: Record<string, unknown> = {};
      for (const [name, ctx] of Object.entries(def.context?.(validated.payload) ?? {})) {
        context[name] = fold(ctx.aggregate, this.history.get(ctx.streamId) ?? []);
      }
      outcome = { decision: def.decider.decide(validated, state, context) };
    } catch (error) {
      outcome = { error };
    }
    return new Then(outcome);
  }
}

export class Then {
  constructor(private readonly outcome: Outcome) {}

  /** Asserts the exact events, in order. */
  thenEmits(...expected: NewEvent[]): Decision {
    const decision = this.decision();
    expect(decision.events).toEqual(expected);
    return decision;
  }

  /** Asserts the command is refused with a domain error of that code (and message part). */
  thenRejects(code: string, messagePart?: string | RegExp): DomainError {
    if (!('error' in this.outcome)) {
      throw new Error(`Expected a rejection "${code}", got events ${JSON.stringify(this.outcome.decision.events)}`);
    }
    const error = this.outcome.error;
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe(code);
    if (messagePart !== undefined) expect(error.message).toMatch(messagePart);
    return error;
  }

  decision(): Decision {
    if ('error' in this.outcome) throw this.outcome.error;
    return this.outcome.decision;
  }
}

export function scenario(registry: CommandRegistry): Scenario {
  return new Scenario(registry);
}
