/** One code of a year's nomenclature. */
export interface NomenclatureEntry {
  code: string;
  label: string;
  cycle?: string;
  attributes?: Record<string, string>;
}

export interface YearState {
  opened: boolean;
  uai?: string;
  year?: number;
  /** Declared formations (levels or MEFs), by code. */
  formations: Record<string, NomenclatureEntry>;
  languages: Record<string, NomenclatureEntry>;
  classTypes: Record<string, NomenclatureEntry>;
}

export const initialYearState = (): YearState => ({ opened: false, formations: {}, languages: {}, classTypes: {} });
