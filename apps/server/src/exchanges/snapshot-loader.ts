import {
  type ClassState,
  type EstablishmentState,
  type GuardianState,
  initialEstablishmentState,
  initialYearState,
  type PupilState,
  type SchoolSnapshot,
  streamIds,
  type YearState,
} from '@liaison/domain';
import { type SqliteConnection } from '../database/sqlite-connection';
import { type Kernel } from '../kernel/kernel';
import { readModelConnection } from '../read-models/read-model-connection';

function statesWithPrefix<T>(conn: SqliteConnection, prefix: string): T[] {
  // substr, not LIKE: class codes and ids may hold `_`, a LIKE wildcard.
  return conn
    .all<{ state: string }>('SELECT state FROM core_states WHERE substr(stream_id, 1, ?) = ? ORDER BY stream_id', [
      prefix.length,
      prefix,
    ])
    .map((r) => JSON.parse(r.state) as T);
}

function stateOf<T>(conn: SqliteConnection, streamId: string): T | undefined {
  const row = conn.get<{ state: string }>('SELECT state FROM core_states WHERE stream_id = ?', [streamId]);
  return row ? (JSON.parse(row.state) as T) : undefined;
}

/** The establishment's folded state alone (live): what a screen needs to know its degree. */
export function loadEstablishment(kernel: Kernel, uai: string): EstablishmentState {
  return stateOf<EstablishmentState>(kernel.db.reader, streamIds.establishment(uai)) ?? initialEstablishmentState();
}

/**
 * The establishment's year as plugins see it, from the folded states the inline projections
 * keep: live (the head of the log) or as of a past position (the time-travel database). `tx`,
 * the connection of a write transaction in progress, reads the live state including what that
 * transaction has written so far (the demo decides its plugins' part on it).
 */
export async function loadSnapshot(
  kernel: Kernel,
  uai: string,
  year: number,
  asOf?: number,
  tx?: SqliteConnection,
): Promise<SchoolSnapshot> {
  if (tx && asOf !== undefined)
    throw new Error('loadSnapshot: a past position is read from the time-travel database, not a transaction');
  const log = tx ?? kernel.db.reader;
  const head = kernel.store.headPosition(log);
  const position = asOf === undefined ? head : Math.min(asOf, head);
  const conn = tx && asOf === undefined ? tx : await readModelConnection(kernel, uai, asOf === undefined ? undefined : position);
  const at = position > 0 ? kernel.store.readAll({ after: position - 1, upTo: position, limit: 1 }, log)[0] : undefined;
  const classes = statesWithPrefix<ClassState>(conn, `${streamIds.class(uai, year, '')}`).filter((c) => c.created);
  const pupils = statesWithPrefix<PupilState>(conn, `${streamIds.pupil(uai, '')}`).filter((p) => p.registered);
  const guardians: Record<string, GuardianState> = {};
  for (const g of statesWithPrefix<GuardianState>(conn, `${streamIds.guardian(uai, '')}`)) {
    if (g.registered && g.guardianId) guardians[g.guardianId] = g;
  }
  const pluginStates: Record<string, unknown> = {};
  for (const [kind, evolver] of kernel.plugins.aggregates()) {
    const byStream = new Map<string, unknown>();
    // `<kind>-<UAI>` and `<kind>-<UAI>-…`: an index range, not a scan of the log.
    for (const e of kernel.store.readAll({ streamPrefix: `${kind}-${uai}`, upTo: position }, log)) {
      byStream.set(e.streamId, evolver.evolve(byStream.get(e.streamId) ?? evolver.initialState(), e));
    }
    for (const [streamId, state] of byStream) pluginStates[streamId] = state;
  }
  return {
    uai,
    year,
    asOf: position,
    asOfTime: at?.recordedAt ?? new Date(0).toISOString(),
    establishment: stateOf<EstablishmentState>(conn, streamIds.establishment(uai)) ?? initialEstablishmentState(),
    schoolYear: stateOf<YearState>(conn, streamIds.year(uai, year)) ?? initialYearState(),
    classes,
    pupils,
    guardians,
    pluginStates,
  };
}
