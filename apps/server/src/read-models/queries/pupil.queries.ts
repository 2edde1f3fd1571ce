import { type SqliteConnection } from '../../database/sqlite-connection';

export interface PupilGuardianDto {
  guardianId: string;
  civility: string | null;
  lastName: string | null;
  firstName: string | null;
  link: string;
  legalLevel: number;
  parentalAuthority: boolean;
  livesWith: boolean | null;
}

export interface PupilOfYearDto {
  pupilId: string;
  lastName: string;
  firstName: string;
  usageName: string | null;
  sex: string;
  birthDate: string;
  ine: string | null;
  siecleId: string | null;
  year: number;
  status: 'preinscrit' | 'inscrit' | 'sorti';
  classCode: string | null;
  formationCode: string | null;
  entryDate: string | null;
  exitDate: string | null;
  exitMotive: string | null;
  lv1: string | null;
  lv2: string | null;
  dispositifs: string[];
  schooling: Record<string, unknown>;
  plan: Record<string, unknown> | null;
  guardians: PupilGuardianDto[];
}

export interface PupilFilters {
  status?: string;
  classCode?: string;
  formationCode?: string;
  /** Part of a name or an INE, accents and case ignored. */
  q?: string;
}

interface PupilYearRow {
  pupilId: string;
  lastName: string;
  firstName: string;
  usageName: string | null;
  sex: string;
  birthDate: string;
  ine: string | null;
  siecleId: string | null;
  year: number;
  status: PupilOfYearDto['status'];
  classCode: string | null;
  formationCode: string | null;
  entryDate: string | null;
  exitDate: string | null;
  exitMotive: string | null;
  lv1: string | null;
  lv2: string | null;
  dispositifs: string;
  schooling: string;
  plan: string | null;
}

/** French order: Éloïse between Élodie and Emma, not after Zoé. */
export const byName = new Intl.Collator('fr', { sensitivity: 'base' });

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function guardiansOf(conn: SqliteConnection, uai: string, pupilIds: readonly string[]): Map<string, PupilGuardianDto[]> {
  const byPupil = new Map<string, PupilGuardianDto[]>();
  if (pupilIds.length === 0) return byPupil;
  interface RelationRow extends Omit<PupilGuardianDto, 'parentalAuthority' | 'livesWith'> {
    pupilId: string;
    parentalAuthority: number;
    livesWith: number | null;
  }
  const rows = conn.all<RelationRow>(
    `SELECT r.pupil_id AS pupilId, r.guardian_id AS guardianId, g.civility, g.last_name AS lastName, g.first_name AS firstName,
       r.link, r.legal_level AS legalLevel, r.parental_authority AS parentalAuthority, r.lives_with AS livesWith
     FROM core_pupil_guardians r LEFT JOIN core_guardians g ON g.uai = r.uai AND g.guardian_id = r.guardian_id
     WHERE r.uai = ? ORDER BY r.pupil_id, r.legal_level, r.guardian_id`,
    [uai],
  );
  const wanted = new Set(pupilIds);
  for (const { pupilId, ...r } of rows) {
    if (!wanted.has(pupilId)) continue;
    const list = byPupil.get(pupilId) ?? [];
    list.push({ ...r, parentalAuthority: r.parentalAuthority === 1, livesWith: r.livesWith === null ? null : r.livesWith === 1 });
    byPupil.set(pupilId, list);
  }
  return byPupil;
}

/** The pupils of a year (enrolled, pre-enrolled and exited), with their class and guardians. */
export function listPupilsOfYear(
  conn: SqliteConnection,
  uai: string,
  year: number,
  filters: PupilFilters = {},
): PupilOfYearDto[] {
  const where = ['y.uai = ?', 'y.year = ?'];
  const params: unknown[] = [uai, year];
  if (filters.status) {
    where.push('y.status = ?');
    params.push(filters.status);
  }
  if (filters.classCode) {
    where.push('y.class_code = ?');
    params.push(filters.classCode);
  }
  if (filters.formationCode) {
    where.push('y.formation_code = ?');
    params.push(filters.formationCode);
  }
  let rows = conn.all<PupilYearRow>(
    `SELECT p.pupil_id AS pupilId, p.last_name AS lastName, p.first_name AS firstName, p.usage_name AS usageName, p.sex,
       p.birth_date AS birthDate, p.ine, p.siecle_id AS siecleId, y.year, y.status, y.class_code AS classCode,
       y.formation_code AS formationCode, y.entry_date AS entryDate, y.exit_date AS exitDate, y.exit_motive AS exitMotive,
       y.lv1, y.lv2, y.dispositifs, y.schooling, y.plan
     FROM core_pupil_years y JOIN core_pupils p ON p.uai = y.uai AND p.pupil_id = y.pupil_id
     WHERE ${where.join(' AND ')}`,
    params,
  );
  rows.sort(
    (a, b) =>
      byName.compare(a.lastName, b.lastName) || byName.compare(a.firstName, b.firstName) || (a.pupilId < b.pupilId ? -1 : 1),
  );
  if (filters.q) {
    const needle = fold(filters.q.trim());
    rows = rows.filter((r) =>
      [r.lastName, r.firstName, r.usageName ?? '', r.ine ?? '', r.pupilId].some((v) => fold(v).includes(needle)),
    );
  }
  const guardians = guardiansOf(
    conn,
    uai,
    rows.map((r) => r.pupilId),
  );
  return rows.map((r) => ({
    ...r,
    dispositifs: JSON.parse(r.dispositifs) as string[],
    schooling: JSON.parse(r.schooling) as Record<string, unknown>,
    plan: r.plan ? (JSON.parse(r.plan) as Record<string, unknown>) : null,
    guardians: guardians.get(r.pupilId) ?? [],
  }));
}

export interface PupilDto {
  uai: string;
  pupilId: string;
  identity: Record<string, unknown>;
  ine: string | null;
  siecleId: string | null;
  version: number;
  years: Array<
    Omit<
      PupilOfYearDto,
      'pupilId' | 'lastName' | 'firstName' | 'usageName' | 'sex' | 'birthDate' | 'ine' | 'siecleId' | 'guardians'
    >
  >;
  guardians: Array<PupilGuardianDto & { version: number | null }>;
}

/** One pupil: identity, every year, and the guardians with their stream versions (for the ETag). */
export function findPupil(conn: SqliteConnection, uai: string, pupilId: string): PupilDto | undefined {
  const p = conn.get<{ identity: string; ine: string | null; siecleId: string | null; version: number }>(
    `SELECT identity, ine, siecle_id AS siecleId, version FROM core_pupils WHERE uai = ? AND pupil_id = ?`,
    [uai, pupilId],
  );
  if (!p) return undefined;
  const years = conn
    .all<Omit<PupilYearRow, 'pupilId' | 'lastName' | 'firstName' | 'usageName' | 'sex' | 'birthDate' | 'ine' | 'siecleId'>>(
      `SELECT year, status, class_code AS classCode, formation_code AS formationCode, entry_date AS entryDate,
         exit_date AS exitDate, exit_motive AS exitMotive, lv1, lv2, dispositifs, schooling, plan
       FROM core_pupil_years WHERE uai = ? AND pupil_id = ? ORDER BY year`,
      [uai, pupilId],
    )
    .map((y) => ({
      ...y,
      dispositifs: JSON.parse(y.dispositifs) as string[],
      schooling: JSON.parse(y.schooling) as Record<string, unknown>,
      plan: y.plan ? (JSON.parse(y.plan) as Record<string, unknown>) : null,
    }));
  const versions = new Map(
    conn
      .all<{ guardianId: string; version: number }>(
        `SELECT g.guardian_id AS guardianId, g.version FROM core_guardians g
         JOIN core_pupil_guardians r ON r.uai = g.uai AND r.guardian_id = g.guardian_id
         WHERE r.uai = ? AND r.pupil_id = ?`,
        [uai, pupilId],
      )
      .map((g) => [g.guardianId, g.version]),
  );
  const guardians = (guardiansOf(conn, uai, [pupilId]).get(pupilId) ?? []).map((g) => ({
    ...g,
    version: versions.get(g.guardianId) ?? null,
  }));
  return {
    uai,
    pupilId,
    identity: JSON.parse(p.identity) as Record<string, unknown>,
    ine: p.ine,
    siecleId: p.siecleId,
    version: p.version,
    years,
    guardians,
  };
}
