import { EVENT_COLUMNS, type EventRow } from '../event-store/event-row';
import { type Measurement, measure } from './measure';
import { openRawSqlite } from './raw-sqlite';

/**
 * Baseline of case 3: one prepared `SELECT` of the same columns in global_position order,
 * iterated row by row, `JSON.parse` of data and metadata (the least any replay must do).
 */
export async function runRawScan(dbPath: string, events: number): Promise<Measurement> {
  const db = openRawSqlite(dbPath);
  try {
    const select = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY global_position`);
    let rows = 0;
    let checksum = 0;
    const m = await measure('raw better-sqlite3 scan + JSON.parse', events, () => {
      for (const row of select.iterate() as IterableIterator<EventRow>) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        const metadata = JSON.parse(row.metadata) as { actor: string };
        // Uses both parses so that neither can be optimised away.
        checksum += metadata.actor.length + (data === null ? 0 : 1);
        rows++;
      }
    });
    if (rows !== events || checksum <= 0) throw new Error(`raw scan read ${rows} rows, expected ${events}`);
    return m;
  } finally {
    db.close();
  }
}
