import { type ClassState, evolveClass, initialClassState } from '@liaison/domain';
import { type AggregateView } from './aggregate-view';

/** `core_classes`: one row per class of a year, with its set-up for the rectorat. */
export const classView: AggregateView<ClassState> = {
  streamType: 'class',
  evolver: { initialState: initialClassState, evolve: evolveClass },
  tables: ['core_classes'],
  ddl: [
    `CREATE TABLE IF NOT EXISTS core_classes (
      uai TEXT NOT NULL,
      year INTEGER NOT NULL,
      class_code TEXT NOT NULL,
      label TEXT NOT NULL,
      rectorat_code TEXT,
      contract_type TEXT,
      class_type TEXT,
      formations TEXT NOT NULL,
      closed_on TEXT,
      version INTEGER NOT NULL,
      PRIMARY KEY (uai, year, class_code)
    )`,
  ],
  async write(sql, s, { version }) {
    if (!s.created || !s.uai || s.year === undefined || !s.classCode) return;
    await sql.run(
      `INSERT INTO core_classes (uai, year, class_code, label, rectorat_code, contract_type, class_type, formations, closed_on, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (uai, year, class_code) DO UPDATE SET label = excluded.label, rectorat_code = excluded.rectorat_code,
         contract_type = excluded.contract_type, class_type = excluded.class_type, formations = excluded.formations,
         closed_on = excluded.closed_on, version = excluded.version`,
      [
        s.uai,
        s.year,
        s.classCode,
        s.label,
        s.rectoratCode ?? null,
        s.contractType ?? null,
        s.classType ?? null,
        JSON.stringify(s.formations),
        s.closedOn ?? null,
        version,
      ],
    );
  },
};
