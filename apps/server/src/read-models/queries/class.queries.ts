import { type SqliteConnection } from '../../database/sqlite-connection';

export interface ClassDto {
  uai: string;
  year: number;
  classCode: string;
  label: string;
  rectoratCode: string | null;
  contractType: string | null;
  classType: string | null;
  formations: string[];
  closedOn: string | null;
  /** Pupils enrolled in the class (not pre-enrolled, not exited). */
  headCount: number;
  version: number;
}

interface ClassRow extends Omit<ClassDto, 'formations'> {
  formations: string;
}

const SELECT = `SELECT c.uai, c.year, c.class_code AS classCode, c.label, c.rectorat_code AS rectoratCode,
    c.contract_type AS contractType, c.class_type AS classType, c.formations, c.closed_on AS closedOn, c.version,
    (SELECT COUNT(*) FROM core_pupil_years p
      WHERE p.uai = c.uai AND p.year = c.year AND p.class_code = c.class_code AND p.status = 'inscrit') AS headCount
  FROM core_classes c`;

const toDto = (r: ClassRow): ClassDto => ({ ...r, formations: JSON.parse(r.formations) as string[] });

export function listClasses(conn: SqliteConnection, uai: string, year: number): ClassDto[] {
  return conn.all<ClassRow>(`${SELECT} WHERE c.uai = ? AND c.year = ? ORDER BY c.class_code`, [uai, year]).map(toDto);
}

export function findClass(conn: SqliteConnection, uai: string, year: number, classCode: string): ClassDto | undefined {
  const row = conn.get<ClassRow>(`${SELECT} WHERE c.uai = ? AND c.year = ? AND c.class_code = ?`, [uai, year, classCode]);
  return row && toDto(row);
}
