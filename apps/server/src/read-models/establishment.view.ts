import { establishmentDecider, type EstablishmentState } from '@liaison/domain';
import { type AggregateView } from './aggregate-view';

/** `core_establishments`: one row per registered establishment. */
export const establishmentView: AggregateView<EstablishmentState> = {
  streamType: 'establishment',
  evolver: establishmentDecider,
  tables: ['core_establishments'],
  ddl: [
    `CREATE TABLE IF NOT EXISTS core_establishments (
      uai TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      degree TEXT NOT NULL,
      contract TEXT NOT NULL,
      exchange_mode TEXT NOT NULL,
      registered_at TEXT NOT NULL,
      version INTEGER NOT NULL
    )`,
  ],
  async write(sql, s, { version, last }) {
    if (!s.registered || !s.uai) return;
    await sql.run(
      `INSERT INTO core_establishments (uai, name, degree, contract, exchange_mode, registered_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (uai) DO UPDATE SET name = excluded.name, degree = excluded.degree, contract = excluded.contract,
         exchange_mode = excluded.exchange_mode, version = excluded.version`,
      [s.uai, s.name, s.degree, s.contract, (s as { exchangeMode?: string }).exchangeMode ?? 'files', last.metadata.occurredAt, version],
    );
  },
};
