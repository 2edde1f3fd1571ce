import { type Projection } from '@liaison/domain';
import { EstablishmentRegistered } from '@liaison/events';

/** Establishments, inline so that a registration is listed as soon as the command returns. */
export const establishmentsProjection: Projection = {
  name: 'core_establishments',
  version: 1,
  mode: 'inline',
  handles: [EstablishmentRegistered.type],
  async init(sql) {
    await sql.run(`CREATE TABLE IF NOT EXISTS core_establishments (
      uai TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      degree TEXT NOT NULL,
      contract TEXT NOT NULL,
      registered_at TEXT NOT NULL,
      position INTEGER NOT NULL
    )`);
  },
  async apply(batch, sql) {
    for (const e of batch) {
      const d = e.data as { uai: string; name: string; degree: string; contract: string };
      await sql.run(
        `INSERT INTO core_establishments (uai, name, degree, contract, registered_at, position) VALUES (?, ?, ?, ?, ?, ?)`,
        [d.uai, d.name, d.degree, d.contract, e.metadata.occurredAt, e.globalPosition],
      );
    }
  },
  async truncate(sql) {
    await sql.run('DELETE FROM core_establishments');
  },
};
