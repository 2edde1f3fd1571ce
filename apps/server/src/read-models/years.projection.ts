import { type Projection } from '@liaison/domain';
import { YearOpened } from '@liaison/events';

/** Opened school years per establishment. */
export const yearsProjection: Projection = {
  name: 'core_years',
  version: 1,
  mode: 'inline',
  handles: [YearOpened.type],
  async init(sql) {
    await sql.run(`CREATE TABLE IF NOT EXISTS core_years (
      uai TEXT NOT NULL,
      year INTEGER NOT NULL,
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (uai, year)
    )`);
  },
  async apply(batch, sql) {
    for (const e of batch) {
      const d = e.data as { uai: string; year: number };
      await sql.run(`INSERT INTO core_years (uai, year, opened_at, opened_by, position) VALUES (?, ?, ?, ?, ?)`, [
        d.uai,
        d.year,
        e.metadata.occurredAt,
        e.metadata.actor,
        e.globalPosition,
      ]);
    }
  },
  async truncate(sql) {
    await sql.run('DELETE FROM core_years');
  },
};
