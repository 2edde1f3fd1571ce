import { type Evolver, fold, type Projection, type SqlExecutor } from '@liaison/domain';
import { type RecordedEvent } from '@liaison/events';

/**
 * How one kind of aggregate is shown to readers: rows derived from its folded state. The state
 * comes from the very `evolve` the deciders use, so a read model can never disagree with what
 * the rules see.
 */
export interface AggregateView<TState> {
  /** Stream kind: the prefix of the stream ids (`pupil`, `class`, …). */
  readonly streamType: string;
  readonly evolver: Evolver<TState>;
  /** Idempotent DDL of the view's tables. */
  readonly ddl: readonly string[];
  readonly tables: readonly string[];
  /**
   * Replaces the rows of one stream from its new state. `events` are the stream's events of
   * this batch (a batch may hold one event or the whole history, so a row must depend on the
   * state and on facts of those events only, never on which of them came last).
   */
  write(
    sql: SqlExecutor,
    state: TState,
    stream: { streamId: string; version: number; events: readonly RecordedEvent[] },
  ): Promise<void>;
}

interface StateRow {
  version: number;
  state: string;
}

/**
 * A projection that keeps each stream's folded state (table `core_states`) and re-renders the
 * view's rows from it, one write per stream and batch.
 */
export function aggregateProjection<TState>(
  name: string,
  version: number,
  view: AggregateView<TState>,
  eventTypes: readonly string[],
): Projection {
  const prefix = `${view.streamType}-`;
  return {
    name,
    version,
    mode: 'inline',
    handles: eventTypes,
    async init(sql) {
      await sql.run(`CREATE TABLE IF NOT EXISTS core_states (
        stream_id TEXT PRIMARY KEY NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL
      )`);
      for (const ddl of view.ddl) await sql.run(ddl);
    },
    async apply(batch, sql) {
      const byStream = new Map<string, RecordedEvent[]>();
      for (const e of batch) {
        if (!e.streamId.startsWith(prefix)) continue;
        const list = byStream.get(e.streamId);
        if (list) list.push(e);
        else byStream.set(e.streamId, [e]);
      }
      for (const [streamId, events] of byStream) {
        const row = await sql.get<StateRow>('SELECT version, state FROM core_states WHERE stream_id = ?', [streamId]);
        const start = row ? (JSON.parse(row.state) as TState) : view.evolver.initialState();
        const state = fold(view.evolver, events, start);
        const last = events.at(-1)!;
        await sql.run(
          `INSERT INTO core_states (stream_id, version, state) VALUES (?, ?, ?)
           ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state = excluded.state`,
          [streamId, last.streamPosition, JSON.stringify(state)],
        );
        await view.write(sql, state, { streamId, version: last.streamPosition, events });
      }
    },
    async truncate(sql) {
      await sql.run(`DELETE FROM core_states WHERE stream_id LIKE ?`, [`${prefix}%`]);
      for (const table of view.tables) await sql.run(`DELETE FROM ${table}`);
    },
  };
}
