import { type SqlExecutor } from '../projections/sql-executor';

/** Answers one kind of look-up from read models the resolver's owner maintains inline. */
export interface LookupResolver {
  readonly kind: string;
  resolve(params: Record<string, unknown>, sql: SqlExecutor): Promise<unknown>;
}
