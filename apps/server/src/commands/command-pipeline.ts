import { randomUUID } from 'node:crypto';
import { type CommandRegistry, DomainError, fold, type ValidatedCommand } from '@liaison/domain';
import { type EventMetadata, type RecordedEvent } from '@liaison/events';
import { type Database } from '../database/database';
import { type SqliteConnection } from '../database/sqlite-connection';
import { type EventStore } from '../event-store/event-store';

/** Who sends a command and how; becomes the events' metadata. */
export interface CommandContext {
  actor: string;
  source: string;
  correlationId?: string;
  causationId?: string;
  /** When the fact happened, if earlier than now (entered after the fact, demo history). */
  occurredAt?: string;
  /** From `If-Match`: the target stream's version the user edited. */
  expectedVersion?: number;
}

export interface CommandResult {
  type: string;
  streamId: string;
  version: number;
  positions: number[];
  warnings: string[];
  events: RecordedEvent[];
}

/** A command of a batch failed: nothing of the batch was written. */
export class BatchCommandError extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'BatchCommandError';
  }
}

/**
 * validate → load and fold the streams → decide → append, for one command per transaction
 * or for a batch in one. Loading happens inside the `BEGIN IMMEDIATE` transaction: SQLite has
 * a single writer, so a decision can never be made on a stale state, and expected versions
 * only fail when a caller named one (`If-Match`).
 */
export class CommandPipeline {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly registry: CommandRegistry,
  ) {}

  validate(raw: unknown): ValidatedCommand {
    return this.registry.validate(raw);
  }

  async execute(raw: unknown, context: CommandContext): Promise<CommandResult> {
    const command = this.registry.validate(raw);
    return this.db.transaction((tx) => this.run(tx, command, context));
  }

  /** All or nothing: the first refused command rolls the whole batch back. */
  async executeBatch(raws: readonly unknown[], context: CommandContext): Promise<CommandResult[]> {
    const commands = raws.map((raw, index) => {
      try {
        return this.registry.validate(raw);
      } catch (error) {
        throw new BatchCommandError(index, error);
      }
    });
    const correlationId = context.correlationId ?? randomUUID();
    return this.db.transaction(async (tx) => {
      const results: CommandResult[] = [];
      for (const [index, command] of commands.entries()) {
        try {
          results.push(await this.run(tx, command, { ...context, correlationId, expectedVersion: undefined }));
        } catch (error) {
          throw new BatchCommandError(index, error);
        }
      }
      return results;
    });
  }

  private async run(tx: SqliteConnection, command: ValidatedCommand, context: CommandContext): Promise<CommandResult> {
    const def = command.definition;
    const streamId = def.streamId(command.payload);
    const target = this.store.loadStream(tx, streamId);
    const state = fold(def.decider, target.events);
    const contextStates: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(def.context?.(command.payload) ?? {})) {
      contextStates[name] = fold(ref.aggregate, this.store.loadStream(tx, ref.streamId).events);
    }
    const decision = def.decider.decide(command, state, contextStates);
    const commandId = randomUUID();
    const metadata: EventMetadata = {
      actor: context.actor,
      source: context.source,
      correlationId: context.correlationId ?? commandId,
      causationId: context.causationId ?? commandId,
      occurredAt: command.occurredAt ?? context.occurredAt ?? new Date().toISOString(),
    };
    const [result] = await this.store.appendInTransaction(tx, [
      { streamId, expected: context.expectedVersion ?? target.version, events: decision.events, metadata },
    ]);
    return {
      type: command.type,
      streamId,
      version: result!.version,
      positions: result!.events.map((e) => e.globalPosition),
      warnings: decision.warnings,
      events: result!.events,
    };
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
