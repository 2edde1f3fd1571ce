import type BetterSqlite3 from 'better-sqlite3';
import { type SqlExecutor } from '@liaison/domain';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * A raw better-sqlite3 handle with a statement cache. The store's hot paths use it directly:
 * better-sqlite3 is synchronous, so nothing can interleave between two statements of one
 * transaction inside this process.
 */
export class SqliteConnection {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly raw: BetterSqlite3.Database) {}

  prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  run(sql: string, params: readonly unknown[] = []): BetterSqlite3.RunResult {
    return this.prepare(sql).run(...params);
  }

  get<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, params: readonly unknown[] = []): T[] {
    return this.prepare(sql).all(...params) as T[];
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction;
  }

  /** The portable, promise-based view handed to projections. */
  executor(): SqlExecutor {
    return {
      run: async (sql, params) => ({ changes: this.run(sql, params).changes }),
      get: async <T>(sql: string, params?: readonly unknown[]) => this.get<T>(sql, params),
      all: async <T>(sql: string, params?: readonly unknown[]) => this.all<T>(sql, params),
    };
  }
}
