import Sqlite from 'better-sqlite3';
import { type Projection } from '@liaison/domain';
import { SqliteConnection } from '../database/sqlite-connection';
import { type EventStore } from '../event-store/event-store';

const CACHE_SIZE = 8;
const BATCH = 5_000;

/**
 * The read models as they were right after a global position: the inline projections are
 * replayed, up to that position, into a throwaway in-memory database, and the usual queries run
 * against it. Same projections, same queries: the past cannot be rendered differently.
 */
export class TimeTravel {
  private readonly cache = new Map<string, SqliteConnection>();

  constructor(
    private readonly store: EventStore,
    private readonly projections: () => readonly Projection[],
  ) {}

  /**
   * A connection holding the read models as of `asOf` (inclusive): those of one establishment,
   * or, without `uai`, the establishments' own streams only (the list of establishments).
   */
  async at(uai: string | undefined, asOf: number): Promise<SqliteConnection> {
    const head = this.store.headPosition();
    const position = Math.min(asOf, head);
    const key = `${uai ?? '*'}@${position}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const conn = new SqliteConnection(new Sqlite(':memory:'));
    const sql = conn.executor();
    const inline = this.projections().filter((p) => p.mode === 'inline');
    for (const p of inline) await p.init(sql);
    let after = 0;
    for (;;) {
      const events = this.store.readAll(
        uai ? { uai, after, upTo: position, limit: BATCH } : { streamType: 'establishment', after, upTo: position, limit: BATCH },
      );
      if (events.length === 0) break;
      conn.exec('BEGIN');
      for (const p of inline) {
        const handled = events.filter((e) => p.handles.includes(e.type));
        if (handled.length > 0) await p.apply(handled, sql);
      }
      conn.exec('COMMIT');
      after = events.at(-1)!.globalPosition;
    }
    this.cache.set(key, conn);
    if (this.cache.size > CACHE_SIZE) {
      const [oldestKey, oldest] = this.cache.entries().next().value as [string, SqliteConnection];
      this.cache.delete(oldestKey);
      oldest.raw.close();
    }
    return conn;
  }

  close(): void {
    for (const conn of this.cache.values()) conn.raw.close();
    this.cache.clear();
  }
}
