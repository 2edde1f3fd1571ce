import { evolvePupil, initialPupilState, type PupilState } from '@liaison/domain';
import { type AggregateView } from './aggregate-view';

/**
 * `core_pupils` (identity and identifiers), `core_pupil_years` (what the pupil is each year)
 * and `core_pupil_guardians` (the relations; the persons are in `core_guardians`).
 */
export const pupilView: AggregateView<PupilState> = {
  streamType: 'pupil',
  evolver: { initialState: initialPupilState, evolve: evolvePupil },
  tables: ['core_pupils', 'core_pupil_years', 'core_pupil_guardians'],
  ddl: [
    `CREATE TABLE IF NOT EXISTS core_pupils (
      uai TEXT NOT NULL,
      pupil_id TEXT NOT NULL,
      last_name TEXT NOT NULL,
      first_name TEXT NOT NULL,
      usage_name TEXT,
      sex TEXT NOT NULL,
      birth_date TEXT NOT NULL,
      identity TEXT NOT NULL,
      ine TEXT,
      siecle_id TEXT,
      version INTEGER NOT NULL,
      PRIMARY KEY (uai, pupil_id)
    )`,
    // The decider refuses a second holder; the index makes a race between processes fail too.
    `CREATE UNIQUE INDEX IF NOT EXISTS core_pupils_ine ON core_pupils (uai, ine) WHERE ine IS NOT NULL`,
    `CREATE TABLE IF NOT EXISTS core_pupil_years (
      uai TEXT NOT NULL,
      year INTEGER NOT NULL,
      pupil_id TEXT NOT NULL,
      status TEXT NOT NULL,
      class_code TEXT,
      formation_code TEXT,
      entry_date TEXT,
      exit_date TEXT,
      exit_motive TEXT,
      lv1 TEXT,
      lv2 TEXT,
      dispositifs TEXT NOT NULL,
      schooling TEXT NOT NULL,
      plan TEXT,
      PRIMARY KEY (uai, year, pupil_id)
    )`,
    `CREATE INDEX IF NOT EXISTS core_pupil_years_class ON core_pupil_years (uai, year, class_code)`,
    `CREATE TABLE IF NOT EXISTS core_pupil_guardians (
      uai TEXT NOT NULL,
      pupil_id TEXT NOT NULL,
      guardian_id TEXT NOT NULL,
      link TEXT NOT NULL,
      legal_level INTEGER NOT NULL,
      parental_authority INTEGER NOT NULL,
      lives_with INTEGER,
      PRIMARY KEY (uai, pupil_id, guardian_id)
    )`,
    `CREATE INDEX IF NOT EXISTS core_pupil_guardians_guardian ON core_pupil_guardians (uai, guardian_id)`,
  ],
  async write(sql, s, { version }) {
    if (!s.registered || !s.uai || !s.pupilId || !s.identity) return;
    const id = s.identity;
    await sql.run(
      `INSERT INTO core_pupils (uai, pupil_id, last_name, first_name, usage_name, sex, birth_date, identity, ine, siecle_id, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (uai, pupil_id) DO UPDATE SET last_name = excluded.last_name, first_name = excluded.first_name,
         usage_name = excluded.usage_name, sex = excluded.sex, birth_date = excluded.birth_date, identity = excluded.identity,
         ine = excluded.ine, siecle_id = excluded.siecle_id, version = excluded.version`,
      [
        s.uai,
        s.pupilId,
        id.lastName,
        id.firstName,
        id.usageName ?? null,
        id.sex,
        id.birthDate,
        JSON.stringify(id),
        s.ine ?? null,
        s.siecleId ?? null,
        version,
      ],
    );
    await sql.run('DELETE FROM core_pupil_years WHERE uai = ? AND pupil_id = ?', [s.uai, s.pupilId]);
    for (const [year, y] of Object.entries(s.years)) {
      await sql.run(
        `INSERT INTO core_pupil_years (uai, year, pupil_id, status, class_code, formation_code, entry_date, exit_date,
           exit_motive, lv1, lv2, dispositifs, schooling, plan)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          s.uai,
          Number(year),
          s.pupilId,
          y.status,
          y.classCode ?? null,
          y.formationCode ?? null,
          y.entryDate ?? null,
          y.exitDate ?? null,
          y.exitMotive ?? null,
          y.lv1 ?? null,
          y.lv2 ?? null,
          JSON.stringify(y.dispositifs),
          JSON.stringify(y.schooling),
          y.plan ? JSON.stringify(y.plan) : null,
        ],
      );
    }
    await sql.run('DELETE FROM core_pupil_guardians WHERE uai = ? AND pupil_id = ?', [s.uai, s.pupilId]);
    for (const [guardianId, r] of Object.entries(s.guardians)) {
      await sql.run(
        `INSERT INTO core_pupil_guardians (uai, pupil_id, guardian_id, link, legal_level, parental_authority, lives_with)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          s.uai,
          s.pupilId,
          guardianId,
          r.link,
          r.legalLevel,
          r.parentalAuthority ? 1 : 0,
          r.livesWith === undefined ? null : r.livesWith ? 1 : 0,
        ],
      );
    }
  },
};
