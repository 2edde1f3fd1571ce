import { type SqliteConnection } from '../database/sqlite-connection';
import { type Kernel } from '../kernel/kernel';

/**
 * Where a read query runs: the live read models, or — with `asOf` — the same read models
 * replayed up to that global position.
 */
export function readModelConnection(
  kernel: Kernel,
  uai: string | undefined,
  asOf: number | undefined,
): Promise<SqliteConnection> {
  return asOf === undefined ? Promise.resolve(kernel.db.reader) : kernel.timeTravel.at(uai, asOf);
}
