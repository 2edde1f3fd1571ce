import { type SqliteConnection } from '../../database/sqlite-connection';
import { byName } from './pupil.queries';

export interface GuardianDto {
  uai: string;
  guardianId: string;
  person: Record<string, unknown>;
  siecleId: string | null;
  version: number;
  /** The children this person is a guardian of, with the relation to each. */
  children: Array<{
    pupilId: string;
    lastName: string;
    firstName: string;
    link: string;
    legalLevel: number;
    parentalAuthority: boolean;
  }>;
}

export function findGuardian(conn: SqliteConnection, uai: string, guardianId: string): GuardianDto | undefined {
  const g = conn.get<{ person: string; siecleId: string | null; version: number }>(
    'SELECT person, siecle_id AS siecleId, version FROM core_guardians WHERE uai = ? AND guardian_id = ?',
    [uai, guardianId],
  );
  if (!g) return undefined;
  const children = conn
    .all<{ pupilId: string; lastName: string; firstName: string; link: string; legalLevel: number; parentalAuthority: number }>(
      `SELECT r.pupil_id AS pupilId, p.last_name AS lastName, p.first_name AS firstName, r.link, r.legal_level AS legalLevel,
         r.parental_authority AS parentalAuthority
       FROM core_pupil_guardians r JOIN core_pupils p ON p.uai = r.uai AND p.pupil_id = r.pupil_id
       WHERE r.uai = ? AND r.guardian_id = ?`,
      [uai, guardianId],
    )
    .map((c) => ({ ...c, parentalAuthority: c.parentalAuthority === 1 }))
    .sort((a, b) => byName.compare(a.lastName, b.lastName) || byName.compare(a.firstName, b.firstName));
  return {
    uai,
    guardianId,
    person: JSON.parse(g.person) as Record<string, unknown>,
    siecleId: g.siecleId,
    version: g.version,
    children,
  };
}
