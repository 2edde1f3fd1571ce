import { z } from 'zod';
import { InvalidValueError } from '../errors';
import { isValidIsoDate } from './dates';

// A school year is named by the calendar year it starts in: 2026 is 2026-2027.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
// September opens the school year; 1 September belongs to the new one.
const FIRST_MONTH = 9;

const SINGLE_YEAR = /^[0-9]{4}$/;
const FULL_RANGE = /^([0-9]{4})-([0-9]{4})$/;
const SHORT_RANGE = /^([0-9]{4})-([0-9]{2})$/;

function checkSchoolYear(year: number): string | undefined {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return `année scolaire « ${year} » invalide : une année de début entière entre ${MIN_YEAR} et ${MAX_YEAR} est attendue (ex. 2026 pour 2026-2027)`;
  }
  return undefined;
}

function assertSchoolYear(year: number): number {
  const reason = checkSchoolYear(year);
  if (reason) throw new InvalidValueError(reason);
  return year;
}

export const schoolYearSchema = z
  .number({ error: 'année scolaire invalide : un nombre est attendu (ex. 2026 pour 2026-2027)' })
  .superRefine((year, ctx) => {
    const reason = checkSchoolYear(year);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

/** Accepts 2026, "2026" or "2026-2027"; returns the starting year. */
export function parseSchoolYear(input: string | number): number {
  if (typeof input === 'number') return assertSchoolYear(input);
  const text = input.trim();
  if (SINGLE_YEAR.test(text)) return assertSchoolYear(Number(text));
  const full = FULL_RANGE.exec(text);
  if (full) {
    const start = Number(full[1]);
    if (Number(full[2]) !== start + 1) {
      throw new InvalidValueError(
        `année scolaire « ${input} » invalide : la seconde année doit suivre la première (ex. ${start}-${start + 1})`,
      );
    }
    return assertSchoolYear(start);
  }
  // "2026-27" is refused rather than guessed: the century of the second part is ambiguous.
  const short = SHORT_RANGE.exec(text);
  if (short) {
    const start = Number(short[1]);
    throw new InvalidValueError(
      `année scolaire « ${input} » invalide : écrivez les deux années en entier (ex. ${start}-${start + 1}) ou la seule année de début (ex. ${start})`,
    );
  }
  throw new InvalidValueError(
    `année scolaire « ${input} » invalide : une année de début (ex. 2026) ou deux années consécutives (ex. 2026-2027) sont attendues`,
  );
}

export function schoolYearBounds(year: number): { start: string; end: string } {
  assertSchoolYear(year);
  return { start: `${year}-09-01`, end: `${year + 1}-08-31` };
}

export function schoolYearOfDate(isoDate: string): number {
  if (!isValidIsoDate(isoDate)) {
    throw new InvalidValueError(`date « ${isoDate} » invalide : une date AAAA-MM-JJ existante est attendue`);
  }
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= FIRST_MONTH ? year : year - 1;
}

/** "2026-2027", the way the rectorat names school years. */
export function schoolYearLabel(year: number): string {
  assertSchoolYear(year);
  return `${year}-${year + 1}`;
}

export function isDateInSchoolYear(isoDate: string, year: number): boolean {
  assertSchoolYear(year);
  return schoolYearOfDate(isoDate) === year;
}
