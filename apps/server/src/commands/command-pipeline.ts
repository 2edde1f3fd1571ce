import { randomUUID } from 'node:crypto';
import { type CommandRegistry, DomainError, fold, type LookupResolver, type ValidatedCommand } from '@liaison/domain';
import { type EventMetadata, type RecordedEvent } from '@liaison/events';
import { type Database } from '../database/database';
import { type SqliteConnection } from '../database/sqlite-connection';
import { ConcurrencyError } from '../event-store/errors';
import { type AppendRequest, type EventStore } from '../event-store/event-store';

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
  /** From `If-Match` on a resource made of several streams (a pupil and its guardians). */
  expectedStreams?: readonly StreamVersion[];
  /** The server's own services (imports, exports) may send internal commands; users may not. */
  trusted?: boolean;
}

/** The outcome of one group of an import: applied, or refused with the reason. */
export type GroupOutcome = { ok: true; results: CommandResult[] } | { ok: false; error: unknown };

/** Some groups were refused and the caller did not ask to skip them: nothing was written. */
export class GroupsRejectedError extends Error {
  constructor(readonly outcomes: GroupOutcome[]) {
    super(`${outcomes.filter((o) => !o.ok).length} groupe(s) refusé(s)`);
    this.name = 'GroupsRejectedError';
  }
}

export interface StreamVersion {
  streamId: string;
  version: number;
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
  private readonly resolvers = new Map<string, LookupResolver>();

  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly registry: CommandRegistry,
    resolvers: readonly LookupResolver[] = [],
  ) {
    for (const r of resolvers) {
      if (this.resolvers.has(r.kind)) throw new Error(`Lookup ${r.kind} is registered twice`);
      this.resolvers.set(r.kind, r);
    }
  }

  validate(raw: unknown, context?: Pick<CommandContext, 'trusted'>): ValidatedCommand {
    return this.registry.validate(raw, { allowInternal: context?.trusted === true });
  }

  async execute(raw: unknown, context: CommandContext): Promise<CommandResult> {
    const command = this.validate(raw, context);
    return this.db.transaction((tx) => this.run(tx, command, context));
  }

  /**
   * All or nothing: the first refused command rolls the whole batch back. `actors`, when given,
   * names who did each command (an import replaying several people's work, the demo). The
   * context's `If-Match` (`expectedVersion` of the first command's stream, or `expectedStreams`)
   * is checked once, before the first command: the batch edits the state the user saw, and its
   * own commands then move those streams.
   */
  async executeBatch(raws: readonly unknown[], context: CommandContext, actors?: readonly string[]): Promise<CommandResult[]> {
    const commands = raws.map((raw, index) => {
      try {
        return this.validate(raw, context);
      } catch (error) {
        throw new BatchCommandError(index, error);
      }
    });
    const correlationId = context.correlationId ?? randomUUID();
    const { expectedVersion, expectedStreams, ...shared } = context;
    return this.db.transaction(async (tx) => {
      const first = commands[0];
      const expected = [
        ...(expectedStreams ?? []),
        ...(first && expectedVersion !== undefined
          ? [{ streamId: first.definition.streamId(first.payload), version: expectedVersion }]
          : []),
      ];
      for (const e of expected) {
        const actual = this.store.versionOf(tx, e.streamId);
        if (actual !== e.version) throw new ConcurrencyError(e.streamId, e.version, actual);
      }
      const results: CommandResult[] = [];
      for (const [index, command] of commands.entries()) {
        try {
          const actor = actors?.[index] ?? context.actor;
          results.push(await this.run(tx, command, { ...shared, actor, correlationId }));
        } catch (error) {
          throw new BatchCommandError(index, error);
        }
      }
      return results;
    });
  }

  /** Runs a trusted command inside a transaction the caller holds (with other writes of its own). */
  executeIn(tx: SqliteConnection, raw: unknown, context: CommandContext): Promise<CommandResult> {
    return this.run(tx, this.validate(raw, context), context);
  }

  /**
   * The import path, inside the transaction the caller holds (an import parsing its file under
   * the lock): one savepoint per group (a row of a file and its commands). A refused group is
   * rolled back alone and reported; unless `skipRejected`, any refusal rolls everything back.
   * `finish` runs last, in the same transaction, with the outcomes (to record the import's report).
   */
  async executeGroupsIn(
    tx: SqliteConnection,
    groups: readonly (readonly unknown[])[],
    context: CommandContext,
    options: { skipRejected: boolean; finish?: (outcomes: GroupOutcome[]) => unknown[] },
  ): Promise<{ outcomes: GroupOutcome[]; finished: CommandResult[] }> {
    const correlationId = context.correlationId ?? randomUUID();
    const ctx: CommandContext = { ...context, correlationId, expectedVersion: undefined, expectedStreams: undefined };
    const outcomes: GroupOutcome[] = [];
    for (const [index, group] of groups.entries()) {
      const savepoint = `import_group_${index}`;
      tx.exec(`SAVEPOINT ${savepoint}`);
      try {
        const results: CommandResult[] = [];
        for (const raw of group) results.push(await this.run(tx, this.validate(raw, ctx), ctx));
        tx.exec(`RELEASE ${savepoint}`);
        outcomes.push({ ok: true, results });
      } catch (error) {
        tx.exec(`ROLLBACK TO ${savepoint}`);
        tx.exec(`RELEASE ${savepoint}`);
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ ok: false, error });
      }
    }
    if (!options.skipRejected && outcomes.some((o) => !o.ok)) throw new GroupsRejectedError(outcomes);
    const finished: CommandResult[] = [];
    for (const raw of options.finish?.(outcomes) ?? []) finished.push(await this.run(tx, this.validate(raw, ctx), ctx));
    return { outcomes, finished };
  }

  private async run(tx: SqliteConnection, command: ValidatedCommand, context: CommandContext): Promise<CommandResult> {
    for (const expected of context.expectedStreams ?? []) {
      const actual = this.store.versionOf(tx, expected.streamId);
      if (actual !== expected.version) throw new ConcurrencyError(expected.streamId, expected.version, actual);
    }
    const def = command.definition;
    const streamId = def.streamId(command.payload);
    const target = this.store.loadStream(tx, streamId);
    const state = fold(def.decider, target.events);
    const contextStates: Record<string, unknown> = {};
    const contextVersions = new Map<string, number>();
    for (const [name, ref] of Object.entries(def.context?.(command.payload) ?? {})) {
      const loaded = this.store.loadStream(tx, ref.streamId);
      contextVersions.set(ref.streamId, loaded.version);
      contextStates[name] = fold(ref.aggregate, loaded.events);
    }
    for (const [name, lookup] of Object.entries(def.lookups?.(command.payload) ?? {})) {
      const resolver = this.resolvers.get(lookup.kind);
      if (!resolver) throw new Error(`No resolver for lookup ${lookup.kind} (command ${command.type})`);
      contextStates[name] = await resolver.resolve(lookup.params, tx.executor());
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
    const requests: AppendRequest[] = [
      { streamId, expected: context.expectedVersion ?? target.version, events: decision.events, metadata },
    ];
    for (const other of decision.others ?? []) {
      const version = contextVersions.get(other.streamId);
      if (version === undefined) {
        throw new Error(`${command.type} wrote to ${other.streamId}, which is not one of its context streams`);
      }
      requests.push({ streamId: other.streamId, expected: version, events: other.events, metadata });
    }
    const results = await this.store.appendInTransaction(tx, requests);
    const events = results.flatMap((r) => r.events).sort((a, b) => a.globalPosition - b.globalPosition);
    return {
      type: command.type,
      streamId,
      version: results[0]!.version,
      positions: events.map((e) => e.globalPosition),
      warnings: decision.warnings,
      events,
    };
  }
}
