import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from './migrations';
import { SqliteConnection } from './sqlite-connection';
import { WriteQueue } from './write-queue';

/** Longer than any single transaction, so a second process waits instead of failing. */
export const BUSY_TIMEOUT_MS = 30_000;

/** Two processes opening a new file at once race on the DDL; the loser re-checks. */
async function migrate(dataSource: DataSource): Promise<void> {
  try {
    await dataSource.runMigrations();
  } catch (error) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (await dataSource.showMigrations()) throw error;
  }
}

/**
 * One SQLite file seen through two connections: the writer (TypeORM's, used for migrations
 * and every write, behind the write queue) and a reader that only ever sees committed data,
 * even while the writer holds an open transaction.
 */
export class Database {
  private constructor(
    readonly path: string,
    readonly dataSource: DataSource,
    readonly writer: SqliteConnection,
    readonly reader: SqliteConnection,
    readonly queue: WriteQueue,
  ) {}

  static async open(path: string): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: path,
      enableWAL: path !== ':memory:',
      timeout: BUSY_TIMEOUT_MS,
      prepareDatabase: (db: Sqlite.Database) => {
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
      },
      migrations,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: false,
    });
    await dataSource.initialize();
    const writerRaw = (dataSource.driver as unknown as { databaseConnection: Sqlite.Database }).databaseConnection;
    const writer = new SqliteConnection(writerRaw);
    const queue = new WriteQueue();
    await queue.run(() => migrate(dataSource));
    writerRaw.pragma('busy_timeout = 0');
    const reader =
      path === ':memory:' ? writer : new SqliteConnection(new Sqlite(path, { readonly: true, timeout: BUSY_TIMEOUT_MS }));
    return new Database(path, dataSource, writer, reader, queue);
  }

  /**
   * Runs `work` in a `BEGIN IMMEDIATE` transaction, behind the write queue: the write lock is
   * taken up front, so the transaction never fails half-way for another writer.
   */
  transaction<T>(work: (tx: SqliteConnection) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.beginImmediate();
      try {
        const result = await work(this.writer);
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /**
   * SQLite's own busy handler sleeps inside the C call and would freeze this process's event
   * loop (HTTP reads included) while another process holds the lock; so the writer connection
   * has no busy timeout and the wait happens here, asynchronously, up to the same limit.
   */
  private async beginImmediate(): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
      try {
        this.writer.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined);
    if (this.reader !== this.writer) this.reader.raw.close();
    await this.dataSource.destroy();
  }
}
