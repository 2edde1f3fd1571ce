import { type AnomalyEntity } from '@liaison/domain';

/** Where a written value comes from, so a bad character is reported on the record to fix. */
export interface CellSource {
  entity: AnomalyEntity;
  field: string;
}

export interface Cell {
  value: string;
  /** Empty for constants and derived labels the writer chooses itself. */
  sources: CellSource[];
}

/** A CSV file before encoding: header and rows of exactly as many cells. */
export interface Table {
  name: string;
  header: readonly string[];
  rows: Cell[][];
}

export const cell = (value: string | undefined, ...sources: CellSource[]): Cell => ({ value: value ?? '', sources: value ? sources : [] });
export const constant = (value: string): Cell => ({ value, sources: [] });
