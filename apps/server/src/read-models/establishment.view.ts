import { establishmentDecider, type EstablishmentState, exchangeModeOf } from '@liaison/domain';
import { EstablishmentRegistered } from '@liaison/events';
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
  async write(sql, s, { version, events }) {
    if (!s.registered || !s.uai) return;
    const registered = events.find((e) => e.type === EstablishmentRegistered.type);
    if (registered) {
      await sql.run(
        `INSERT INTO core_establishments (uai, name, degree, contract, exchange_mode, registered_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [s.uai, s.name, s.degree, s.contract, exchangeModeOf(s), registered.metadata.occurredAt, version],
      );
    } else {
      await sql.run(
        `UPDATE core_establishments SET name = ?, degree = ?, contract = ?, exchange_mode = ?, version = ? WHERE uai = ?`,
        [s.name, s.degree, s.contract, exchangeModeOf(s), version, s.uai],
      );
    }
  },
};
