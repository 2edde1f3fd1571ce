import { type NewEvent } from '@liaison/events';
import { type Lookup } from '../commands/command';
import { type CommandRegistry, type ValidatedCommand } from '../commands/command-registry';
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

type Outcome = ({ decision: Decision } | { error: unknown }) & { lookups: Record<string, Lookup> };

/**
 * Decider specs read "given these past events, when this command, then these events (or this
 * error)". The command goes through the registry's validation exactly as in production; the
 * answers to its read-model look-ups are stated with `withLookup`.
 */
export class Scenario {
  private readonly history = new Map<string, NewEvent[]>();
  private readonly lookupAnswers = new Map<string, unknown>();

  constructor(private readonly registry: CommandRegistry) {}

  given(...streams: StreamHistory[]): this {
    for (const s of streams) this.history.set(s.streamId, [...(this.history.get(s.streamId) ?? []), ...s.events]);
    return this;
  }

  /**
   * The answer to the look-up a command declares under `name` (`lookups()` of its definition),
   * put in the decider's context under that name. As in production, only the look-ups the
   * command declares reach the context: a decider reading an undeclared one sees nothing.
   */
  withLookup(name: string, value: unknown): this {
    this.lookupAnswers.set(name, value);
    return this;
  }

  /** Throws at once (not as an outcome) when the command declares a look-up with no answer. */
  when(command: { type: string; payload: unknown }): Then {
    let validated: ValidatedCommand;
    try {
      validated = this.registry.validate(command);
    } catch (error) {
      return new Then({ error, lookups: {} });
    }
    const def = validated.definition;
    const lookups = def.lookups?.(validated.payload) ?? {};
    const missing = Object.entries(lookups).filter(([name]) => !this.lookupAnswers.has(name));
    if (missing.length > 0) {
      const list = missing.map(([name, lookup]) => `"${name}" (${lookup.kind} ${JSON.stringify(lookup.params)})`).join(', ');
      throw new Error(
        `${validated.type} declares look-up(s) ${list} that the scenario does not answer: add .withLookup(name, value)`,
      );
    }
    let outcome: Outcome;
    try {
      const state = fold(def.decider, this.history.get(def.streamId(validated.payload)) ?? []);
      const context: Record<string, unknown> = {};
      for (const [name, ctx] of Object.entries(def.context?.(validated.payload) ?? {})) {
        context[name] = fold(ctx.aggregate, this.history.get(ctx.streamId) ?? []);
      }
      for (const name of Object.keys(lookups)) context[name] = this.lookupAnswers.get(name);
      outcome = { decision: def.decider.decide(validated, state, context), lookups };
    } catch (error) {
      outcome = { error, lookups };
    }
    return new Then(outcome);
  }
}

export class Then {
  constructor(private readonly outcome: Outcome) {}

  /** The look-ups the command asked for, by context name, to check their parameters. */
  get lookups(): Record<string, Lookup> {
    return this.outcome.lookups;
  }

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
