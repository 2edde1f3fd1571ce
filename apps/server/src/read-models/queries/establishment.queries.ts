import { type SqliteConnection } from '../../database/sqlite-connection';

export interface EstablishmentDto {
  uai: string;
  name: string;
  degree: 'first' | 'second';
  contract: string;
  exchangeMode: string;
  registeredAt: string;
  version: number;
}

export interface YearDto {
  uai: string;
  year: number;
  label: string;
  openedAt: string;
  version: number;
}

export interface NomenclatureEntryDto {
  kind: 'formation' | 'language' | 'classType';
  code: string;
  label: string;
  cycle: string | null;
  attributes: Record<string, string> | null;
}

export function listEstablishments(conn: SqliteConnection): EstablishmentDto[] {
  return conn.all<EstablishmentDto>(
    `SELECT uai, name, degree, contract, exchange_mode AS exchangeMode, registered_at AS registeredAt, version
     FROM core_establishments ORDER BY uai`,
  );
}

export function findEstablishment(conn: SqliteConnection, uai: string): EstablishmentDto | undefined {
  return listEstablishmentsWhere(conn, uai)[0];
}

function listEstablishmentsWhere(conn: SqliteConnection, uai: string): EstablishmentDto[] {
  return conn.all<EstablishmentDto>(
    `SELECT uai, name, degree, contract, exchange_mode AS exchangeMode, registered_at AS registeredAt, version
     FROM core_establishments WHERE uai = ?`,
    [uai],
  );
}

export function listYears(conn: SqliteConnection, uai: string): YearDto[] {
  return conn
    .all<Omit<YearDto, 'label'>>(`SELECT uai, year, opened_at AS openedAt, version FROM core_years WHERE uai = ? ORDER BY year`, [
      uai,
    ])
    .map((y) => ({ ...y, label: `${y.year}-${y.year + 1}` }));
}

export function listNomenclature(conn: SqliteConnection, uai: string, year: number): NomenclatureEntryDto[] {
  return conn
    .all<Omit<NomenclatureEntryDto, 'attributes'> & { attributes: string | null }>(
      `SELECT kind, code, label, cycle, attributes FROM core_nomenclature WHERE uai = ? AND year = ? ORDER BY kind, code`,
      [uai, year],
    )
    .map((r) => ({ ...r, attributes: r.attributes ? (JSON.parse(r.attributes) as Record<string, string>) : null }));
}
