/**
 * The SQL a projection may run inside the transaction that hands it a batch. Portable SQL
 * only (the store is SQLite today, PostgreSQL is planned); parameters are positional `?`.
 */
export interface SqlExecutor {
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}
