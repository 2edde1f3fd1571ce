import { FIRST_DEGREE_CYCLES, isFirstDegreeLevel, type YearState } from '@liaison/domain';

/**
 * ` Cycle` labels by cycle number. `CYCLE II` and `CYCLE III` are seen in real extractions;
 * `CYCLE I` never was (BE1D wrote `MATERNELLE`), so the table is configurable (FORMAT.md §9.2).
 */
export const DEFAULT_CYCLE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  '1': 'CYCLE I',
  '2': 'CYCLE II',
  '3': 'CYCLE III',
});

/**
 * The cycle of a level: the year's formation entry says it (the nomenclature the school
 * imported), else the 2016 mapping of the level table; undefined for an unknown code.
 */
export function cycleOf(level: string, year: YearState): string | undefined {
  const declared = Object.hasOwn(year.formations, level) ? year.formations[level]?.cycle : undefined;
  if (declared !== undefined) return declared;
  return isFirstDegreeLevel(level) ? FIRST_DEGREE_CYCLES[level] : undefined;
}
