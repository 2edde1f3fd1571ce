import { evolveGuardian, type GuardianState, initialGuardianState } from '@liaison/domain';
import { type AggregateView } from './aggregate-view';

/** `core_guardians`: the guardian persons, shared by siblings. */
export const guardianView: AggregateView<GuardianState> = {
  streamType: 'guardian',
  evolver: { initialState: initialGuardianState, evolve: evolveGuardian },
  tables: ['core_guardians'],
  ddl: [
    `CREATE TABLE IF NOT EXISTS core_guardians (
      uai TEXT NOT NULL,
      guardian_id TEXT NOT NULL,
      civility TEXT NOT NULL,
      last_name TEXT NOT NULL,
      first_name TEXT NOT NULL,
      person TEXT NOT NULL,
      siecle_id TEXT,
      version INTEGER NOT NULL,
      PRIMARY KEY (uai, guardian_id)
    )`,
  ],
  async write(sql, s, { version }) {
    if (!s.registered || !s.uai || !s.guardianId || !s.person) return;
    await sql.run(
      `INSERT INTO core_guardians (uai, guardian_id, civility, last_name, first_name, person, siecle_id, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (uai, guardian_id) DO UPDATE SET civility = excluded.civility, last_name = excluded.last_name,
         first_name = excluded.first_name, person = excluded.person, siecle_id = excluded.siecle_id, version = excluded.version`,
      [
        s.uai,
        s.guardianId,
        s.person.civility,
        s.person.lastName,
        s.person.firstName,
        JSON.stringify(s.person),
        s.siecleId ?? null,
        version,
      ],
    );
  },
};
