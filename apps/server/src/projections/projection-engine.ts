import { type Projection, type ProjectionFold } from '@liaison/domain';
import { type RecordedEvent } from '@liaison/events';
import { type Database } from '../database/database';
import { type SqliteConnection } from '../database/sqlite-connection';
import { type EventStore } from '../event-store/event-store';
import { toRecordedEvent } from '../event-store/event-row';
import { advanceCheckpoint, type Checkpoint, markFailed, readCheckpoint, readCheckpoints, resetCheckpoint } from './checkpoints';

export const DEFAULT_BATCH_SIZE = 2_000;

/** Runs a projection's own code: what it throws marks the projection failed, nothing else does. */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new ProjectionApplyError(error);
  }
}

/**
 * Events per transaction of a rebuild (`projections rebuild`, a CLI maintenance run), unless a
 * batch size was given. A replay commits far less often than catch-ups: every commit rewrites
 * most of the read model's pages (WAL write, then checkpoint and fsync), and projections write
 * once per stream and batch, so a large batch means fewer commits and fewer writes. The cost is
 * how long another writer waits for the lock during a batch, and, for projections that do not
 * fold, memory (the batch's decoded events, 1–2 KB each in the heap); `docs/benchmarks.md`
 * measures both.
 */
export const DEFAULT_REBUILD_BATCH_SIZE = 200_000;

export interface CatchUpReport {
  name: string;
  applied: number;
  position: number;
  failed?: string;
}

/**
 * Runs every projection from the log: inline ones inside each append transaction, async ones in
 * batches, each batch committed together with its checkpoint (crash-safe and idempotent).
 */
export class ProjectionEngine {
  private readonly byName = new Map<string, Projection>();
  private readonly batchSize: number;
  private readonly rebuildBatchSize: number;

  /** A given `batchSize` applies to rebuilds too; without one, rebuilds use larger batches. */
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    projections: readonly Projection[],
    batchSize?: number,
    rebuildBatchSize?: number,
  ) {
    this.batchSize = batchSize ?? DEFAULT_BATCH_SIZE;
    this.rebuildBatchSize = rebuildBatchSize ?? batchSize ?? DEFAULT_REBUILD_BATCH_SIZE;
    for (const p of projections) {
      if (this.byName.has(p.name)) throw new Error(`Projection ${p.name} is registered twice`);
      this.byName.set(p.name, p);
    }
    store.onAppend((tx, events) => this.applyInline(tx, events));
  }

  get projections(): Projection[] {
    return [...this.byName.values()];
  }

  get(name: string): Projection {
    const p = this.byName.get(name);
    if (!p) throw new Error(`projection inconnue : « ${name} »`);
    return p;
  }

  /**
   * Creates the tables and checkpoints; a projection whose code version differs from its
   * checkpoint is emptied and replayed from the log.
   */
  async start(): Promise<void> {
    for (const p of this.byName.values()) {
      await this.db.transaction(async (tx) => {
        await p.init(tx.executor());
        const checkpoint = readCheckpoint(tx, p.name);
        if (!checkpoint || checkpoint.version !== p.version) {
          await p.truncate(tx.executor());
          resetCheckpoint(tx, p.name, p.version);
        }
      });
    }
    await this.catchUp();
  }

  status(): Array<Checkpoint & { mode: string; behind: number }> {
    const head = this.store.headPosition();
    const checkpoints = new Map(readCheckpoints(this.db.reader).map((c) => [c.name, c]));
    return this.projections.map((p) => {
      const c = checkpoints.get(p.name) ?? {
        name: p.name,
        version: p.version,
        position: 0,
        status: 'running' as const,
        lastError: null,
        updatedAt: '',
      };
      return { ...c, mode: p.mode, behind: head - c.position };
    });
  }

  /** Brings every projection (or the named ones) up to the head of the log. */
  async catchUp(names?: readonly string[]): Promise<CatchUpReport[]> {
    const reports: CatchUpReport[] = [];
    for (const p of this.byName.values()) {
      if (names && !names.includes(p.name)) continue;
      reports.push(await this.catchUpOne(p));
    }
    return reports;
  }

  /** Empties the read model and replays the whole log into it, batch by batch. */
  async rebuild(name: string): Promise<CatchUpReport> {
    const p = this.get(name);
    await this.db.transaction(async (tx) => {
      await p.init(tx.executor());
      await p.truncate(tx.executor());
      resetCheckpoint(tx, p.name, p.version);
    });
    return this.catchUpOne(p, this.rebuildBatchSize);
  }

  private async catchUpOne(p: Projection, batchSize = this.batchSize): Promise<CatchUpReport> {
    let applied = 0;
    for (;;) {
      const step = await this.applyNextBatch(p, batchSize);
      if (step.failed) return { name: p.name, applied, position: step.position, failed: step.failed };
      applied += step.applied;
      if (step.done) return { name: p.name, applied, position: step.position };
    }
  }

  private async applyNextBatch(
    p: Projection,
    batchSize: number,
  ): Promise<{ applied: number; position: number; done: boolean; failed?: string }> {
    try {
      return await this.db.transaction(async (tx) => {
        const checkpoint = readCheckpoint(tx, p.name);
        if (!checkpoint) throw new Error(`Projection ${p.name} has no checkpoint: start the engine first`);
        if (checkpoint.status === 'failed') {
          return { applied: 0, position: checkpoint.position, done: true, failed: checkpoint.lastError ?? 'failed' };
        }
        const { applied, last } = p.fold
          ? await this.foldBatch(tx, p, p.fold, checkpoint.position, batchSize)
          : await this.applyBatch(tx, p, checkpoint.position, batchSize);
        if (last === checkpoint.position) return { applied: 0, position: last, done: true };
        if (!advanceCheckpoint(tx, p.name, checkpoint.position, last)) {
          throw new CheckpointMovedError(p.name);
        }
        return { applied, position: last, done: false };
      });
    } catch (error) {
      if (error instanceof CheckpointMovedError) {
        // Another runner applied this batch first: read the new checkpoint and go on.
        const position = readCheckpoint(this.db.reader, p.name)?.position ?? 0;
        return { applied: 0, position, done: false };
      }
      // Only the projection's own failure marks it failed; a lock held too long by another
      // process is retried by the next catch-up.
      if (!(error instanceof ProjectionApplyError)) throw error;
      const message = error.message;
      await this.db.transaction(async (tx) => markFailed(tx, p.name, message));
      const position = readCheckpoint(this.db.reader, p.name)?.position ?? 0;
      return { applied: 0, position, done: true, failed: message };
    }
  }

  private async applyBatch(
    tx: SqliteConnection,
    p: Projection,
    after: number,
    batchSize: number,
  ): Promise<{ applied: number; last: number }> {
    const { events, last } = this.readBatch(tx, after, p.handles, batchSize);
    if (events.length > 0) {
      try {
        await p.apply(events, tx.executor());
      } catch (error) {
        throw new ProjectionApplyError(error);
      }
    }
    return { applied: events.length, last };
  }

  /**
   * A folding projection's batch: each event is decoded, folded and dropped as the log is read
   * (the batch never sits in memory), then the accumulator is written once.
   */
  private async foldBatch(
    tx: SqliteConnection,
    p: Projection,
    fold: ProjectionFold<unknown>,
    after: number,
    batchSize: number,
  ): Promise<{ applied: number; last: number }> {
    const handled = new Set(p.handles);
    const catalogue = this.store.eventCatalogue;
    let last = after;
    let scanned = 0;
    let applied = 0;
    const accumulator = guarded(() => fold.start());
    for (const row of this.store.iterateRows(after, tx)) {
      last = row.global_position;
      if (handled.has(row.type)) {
        const event = toRecordedEvent(row, catalogue);
        guarded(() => fold.add(accumulator, event));
        applied++;
      }
      if (++scanned >= batchSize) break;
    }
    if (applied > 0) {
      try {
        await fold.write(accumulator, tx.executor());
      } catch (error) {
        throw new ProjectionApplyError(error);
      }
    }
    return { applied, last };
  }

  /** The next batch after `after`, keeping only handled types; `last` is the last position scanned. */
  private readBatch(
    conn: SqliteConnection,
    after: number,
    handles: readonly string[],
    batchSize = this.batchSize,
  ): { events: RecordedEvent[]; last: number } {
    const handled = new Set(handles);
    const catalogue = this.store.eventCatalogue;
    const events: RecordedEvent[] = [];
    let last = after;
    let scanned = 0;
    for (const row of this.store.iterateRows(after, conn)) {
      last = row.global_position;
      if (handled.has(row.type)) events.push(toRecordedEvent(row, catalogue));
      if (++scanned >= batchSize) break;
    }
    return { events, last };
  }

  /**
   * Inline projections see the events of the append transaction before it commits. If one is
   * behind (another process appended without it, or it was just added), it first catches up
   * inside the same transaction so that no event is ever skipped.
   */
  private async applyInline(tx: SqliteConnection, events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const first = events[0]!.globalPosition;
    const last = events.at(-1)!.globalPosition;
    for (const p of this.byName.values()) {
      if (p.mode !== 'inline') continue;
      const checkpoint = readCheckpoint(tx, p.name);
      if (!checkpoint || checkpoint.status === 'failed') continue;
      let position = checkpoint.position;
      while (position < first - 1) {
        const batch = this.readBatch(tx, position, p.handles);
        const missing = batch.events.filter((e) => e.globalPosition < first);
        if (missing.length > 0) await p.apply(missing, tx.executor());
        position = Math.min(batch.last, first - 1);
      }
      const handled = events.filter((e) => p.handles.includes(e.type));
      if (handled.length > 0) await p.apply(handled, tx.executor());
      if (!advanceCheckpoint(tx, p.name, checkpoint.position, last)) throw new CheckpointMovedError(p.name);
    }
  }
}

class ProjectionApplyError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(`Checkpoint of ${name} moved during the batch`);
  }
}
