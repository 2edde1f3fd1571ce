import { yearDecider, type YearState } from '@liaison/domain';
import { YearOpened } from '@liaison/events';
import { type AggregateView } from './aggregate-view';

const KINDS = [
  ['formation', 'formations'],
  ['language', 'languages'],
  ['classType', 'classTypes'],
] as const;

/** `core_years` and the year's nomenclatures `core_nomenclature`. */
export const yearView: AggregateView<YearState> = {
  streamType: 'year',
  evolver: yearDecider,
  tables: ['core_years', 'core_nomenclature'],
  ddl: [
    `CREATE TABLE IF NOT EXISTS core_years (
      uai TEXT NOT NULL,
      year INTEGER NOT NULL,
      opened_at TEXT NOT NULL,
      version INTEGER NOT NULL,
      PRIMARY KEY (uai, year)
    )`,
    `CREATE TABLE IF NOT EXISTS core_nomenclature (
      uai TEXT NOT NULL,
      year INTEGER NOT NULL,
      kind TEXT NOT NULL,
      code TEXT NOT NULL,
      label TEXT NOT NULL,
      cycle TEXT,
      attributes TEXT,
      PRIMARY KEY (uai, year, kind, code)
    )`,
  ],
  async write(sql, s, { version, events }) {
    if (!s.opened || !s.uai || s.year === undefined) return;
    const opened = events.find((e) => e.type === YearOpened.type);
    if (opened) {
      await sql.run(`INSERT INTO core_years (uai, year, opened_at, version) VALUES (?, ?, ?, ?)`, [
        s.uai,
        s.year,
        opened.metadata.occurredAt,
        version,
      ]);
    } else {
      await sql.run('UPDATE core_years SET version = ? WHERE uai = ? AND year = ?', [version, s.uai, s.year]);
    }
    await sql.run('DELETE FROM core_nomenclature WHERE uai = ? AND year = ?', [s.uai, s.year]);
    for (const [kind, key] of KINDS) {
      for (const entry of Object.values(s[key])) {
        await sql.run(
          `INSERT INTO core_nomenclature (uai, year, kind, code, label, cycle, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [
            s.uai,
            s.year,
            kind,
            entry.code,
            entry.label,
            entry.cycle ?? null,
            entry.attributes ? JSON.stringify(entry.attributes) : null,
          ],
        );
      }
    }
  },
};
