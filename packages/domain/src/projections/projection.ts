import { type RecordedEvent } from '@liaison/events';
import { type SqlExecutor } from './sql-executor';

/**
 * A read model built only from events. Core and plugin projections share this contract.
 *
 * - `inline` projections are applied inside the append transaction (read-your-writes);
 *   `async` ones by the runner, batch by batch, each batch committed with its checkpoint.
 * - Tables are owned by the projection and prefixed with its name's prefix; `init` is
 *   idempotent DDL, `truncate` empties them for a rebuild.
 * - Bumping `version` makes the runner rebuild the read model from the log.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly mode: 'inline' | 'async';
  /** Event types it reads; the others advance its checkpoint without a call. */
  readonly handles: readonly string[];
  init(sql: SqlExecutor): Promise<void>;
  apply(batch: readonly RecordedEvent[], sql: SqlExecutor): Promise<void>;
  truncate(sql: SqlExecutor): Promise<void>;
  /**
   * For async projections that summarise many events into few rows (counts, "last touched"):
   * the runner folds each event into an accumulator as it reads the log, keeping no event,
   * and writes once per batch. `apply` must stay equivalent to folding the batch and writing.
   */
  // The accumulator's type is the projection's own business.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly fold?: ProjectionFold<any>;
}

/** A batch summarised in memory, then written in one go before the checkpoint moves. */
export interface ProjectionFold<TAccumulator> {
  start(): TAccumulator;
  add(accumulator: TAccumulator, event: RecordedEvent): void;
  write(accumulator: TAccumulator, sql: SqlExecutor): Promise<void>;
}
