import { type AnomalyEntity } from '@liaison/domain';
import { plainTypography } from '../text/typography';

/** Where a written value comes from, so a bad character is reported on the record to fix. */
export interface CellSource {
  entity: AnomalyEntity;
  field: string;
  /** The part of the cell this field gave, when a cell joins several fields (an address's two lines). */
  value?: string;
}

export interface Cell {
  /** As written: typographic punctuation already made plain (see `plainTypography`). */
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

export const cell = (value: string | undefined, ...sources: CellSource[]): Cell => ({
  value: plainTypography(value ?? ''),
  sources: value ? sources.map((s) => (s.value === undefined ? s : { ...s, value: plainTypography(s.value) })) : [],
});
export const constant = (value: string): Cell => ({ value, sources: [] });
