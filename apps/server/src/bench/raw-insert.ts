import { establishmentRow } from './establishment-fixture';
import { type Measurement, measure } from './measure';
import { openRawSqlite } from './raw-sqlite';

/**
 * Baseline of cases 1 and 2: the rows the pipeline writes for `RegisterEstablishment` (one
 * `streams` row and one `events` row, same values and JSON sizes, built in the loop with a fresh
 * UUID and timestamp as the store does), inserted with prepared statements into a migrated
 * database, `perTransaction` events per `BEGIN IMMEDIATE … COMMIT`.
 */
export async function runRawInsert(dbPath: string, events: number, perTransaction: number): Promise<Measurement> {
  const db = openRawSqlite(dbPath);
  try {
    const begin = db.prepare('BEGIN IMMEDIATE');
    const commit = db.prepare('COMMIT');
    const insertStream = db.prepare('INSERT INTO streams (stream_id, stream_type, version) VALUES (?, ?, ?)');
    const insertEvent = db.prepare(
      `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const label = perTransaction === 1 ? 'raw better-sqlite3, 1 event/tx' : `raw better-sqlite3, ${perTransaction} events/tx`;
    const m = await measure(label, events, () => {
      for (let start = 0; start < events; start += perTransaction) {
        begin.run();
        for (let i = start; i < Math.min(events, start + perTransaction); i++) {
          const row = establishmentRow(i);
          insertStream.run(row.streamId, row.streamType, 1);
          insertEvent.run(row.eventId, row.streamId, 1, row.type, 1, row.data, row.metadata, row.recordedAt);
        }
        commit.run();
      }
    });
    const count = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    if (count !== events) throw new Error(`raw insert: expected ${events} events, found ${count}`);
    return m;
  } finally {
    db.close();
  }
}
