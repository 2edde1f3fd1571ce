import { z } from 'zod';
import { InvalidValueError } from '../errors';
import { type Command, type CommandDefinition } from './command';

const frenchMessages = z.locales.fr().localeError;

const envelopeSchema = z.object({
  type: z.string().min(1),
  payload: z.unknown(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

/** A command whose payload passed its schema. */
export interface ValidatedCommand<TPayload = unknown> extends Command<string, TPayload> {
  definition: CommandDefinition<TPayload>;
  occurredAt?: string;
}

/** Formats zod issues as one French sentence naming each faulty field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string {
  return issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return path ? `${path} : ${issue.message}` : issue.message;
    })
    .join(' ; ');
}

/** Every command type the pipeline knows: the core ones, then the plugins', then frozen. */
export class CommandRegistry {
  private readonly definitions = new Map<string, CommandDefinition>();
  private frozen = false;

  register(...definitions: CommandDefinition[]): this {
    if (this.frozen) throw new Error('The command registry is frozen');
    for (const def of definitions) {
      if (this.definitions.has(def.type)) throw new Error(`Command ${def.type} is registered twice`);
      this.definitions.set(def.type, def);
    }
    return this;
  }

  freeze(): this {
    this.frozen = true;
    return this;
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  get(type: string): CommandDefinition | undefined {
    return this.definitions.get(type);
  }

  all(): CommandDefinition[] {
    return [...this.definitions.values()];
  }

  /**
   * Validates an untrusted `{type, payload}`; throws `InvalidValueError` in French. Internal
   * commands pass only when the server itself sends them.
   */
  validate(raw: unknown, options: { allowInternal?: boolean } = {}): ValidatedCommand {
    const envelope = envelopeSchema.safeParse(raw, { error: frenchMessages });
    if (!envelope.success) {
      throw new InvalidValueError(`commande invalide : ${describeIssues(envelope.error.issues)}`);
    }
    const { type, payload, occurredAt } = envelope.data;
    const definition = this.definitions.get(type);
    if (!definition) {
      throw new InvalidValueError(`commande inconnue : « ${type} »`, { type });
    }
    if (definition.internal && !options.allowInternal) {
      throw new InvalidValueError(`commande réservée au serveur : « ${type} »`, { type });
    }
    const parsed = definition.payload.safeParse(payload ?? {}, { error: frenchMessages });
    if (!parsed.success) {
      throw new InvalidValueError(`${type} : ${describeIssues(parsed.error.issues, 'payload')}`, {
        type,
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    return { type, payload: parsed.data, definition, ...(occurredAt ? { occurredAt } : {}) };
  }
}
