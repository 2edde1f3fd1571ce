import Sqlite from 'better-sqlite3';

/** `BUSY_TIMEOUT_MS` of database.ts, restated so that the raw baselines never load TypeORM. */
const BUSY_TIMEOUT_MS = 30_000;

/**
 * A plain better-sqlite3 handle configured like the store's writer connection: WAL,
 * synchronous=NORMAL, foreign keys on, the same busy timeout. Baselines and log generator use it.
 */
export function openRawSqlite(path: string): Sqlite.Database {
  const db = new Sqlite(path, { timeout: BUSY_TIMEOUT_MS });
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  return db;
}
