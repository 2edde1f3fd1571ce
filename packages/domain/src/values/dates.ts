import { z } from 'zod';
import { InvalidValueError } from '../errors';

const ISO_DATE_SHAPE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const FRENCH_DATE_SHAPE = /^([0-9]{2})\/([0-9]{2})\/([0-9]{4})$/;
// An instant without an offset would be read in the server's own zone, which is not an instant.
const ISO_INSTANT_SHAPE = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function dayExists(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function checkIsoDate(value: string): string | undefined {
  const match = ISO_DATE_SHAPE.exec(value);
  if (!match) return `date « ${value} » invalide : le format AAAA-MM-JJ est attendu (ex. 2026-09-01)`;
  if (!dayExists(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return `date « ${value} » invalide : ce jour n'existe pas`;
  }
  return undefined;
}

function assertIsoDate(value: string): void {
  const reason = checkIsoDate(value);
  if (reason) throw new InvalidValueError(reason);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function isValidIsoDate(value: string): boolean {
  return checkIsoDate(value) === undefined;
}

export const isoDateSchema = z
  .string({ error: 'date invalide : une chaîne de caractères est attendue' })
  .superRefine((value, ctx) => {
    const reason = checkIsoDate(value);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

/** Negative, zero or positive like a sort comparator; the fixed-width format orders as text. */
export function compareIsoDates(a: string, b: string): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDays(isoDate: string, days: number): string {
  assertIsoDate(isoDate);
  if (!Number.isInteger(days)) throw new InvalidValueError(`nombre de jours « ${days} » invalide : un entier est attendu`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  // Calendar arithmetic in UTC has no daylight-saving days of 23 or 25 hours.
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  date.setUTCFullYear(year, month - 1, day + days);
  const result = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  if (!isValidIsoDate(result)) {
    throw new InvalidValueError(`date « ${isoDate} » + ${days} jours : le résultat sort des années 0000 à 9999`);
  }
  return result;
}

/** '2026-09-01' → '01/09/2026', the way French documents print dates. */
export function toFrenchDate(isoDate: string): string {
  assertIsoDate(isoDate);
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** '01/09/2026' → '2026-09-01'. */
export function fromFrenchDate(frenchDate: string): string {
  const match = FRENCH_DATE_SHAPE.exec(frenchDate);
  if (!match) {
    throw new InvalidValueError(`date « ${frenchDate} » invalide : le format JJ/MM/AAAA est attendu (ex. 01/09/2026)`);
  }
  const [, day, month, year] = match;
  if (!dayExists(Number(year), Number(month), Number(day))) {
    throw new InvalidValueError(`date « ${frenchDate} » invalide : ce jour n'existe pas`);
  }
  return `${year}-${month}-${day}`;
}

// Building a formatter loads time-zone data: one shared instance.
const parisFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Wall-clock parts of an instant in Europe/Paris: the time a French school reads. */
export interface ParisWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The Paris wall-clock time of an ISO 8601 instant (with its zone). Computed with an explicit
 * time zone, so that dates in files, file names and zip entries never depend on the machine's `TZ`.
 */
export function parisWallClock(isoInstant: string): ParisWallClock {
  const match = ISO_INSTANT_SHAPE.exec(isoInstant);
  const time = match && isValidIsoDate(match[1] ?? '') ? Date.parse(isoInstant) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new InvalidValueError(
      `instant « ${isoInstant} » invalide : le format ISO 8601 avec fuseau est attendu (ex. 2026-09-01T08:00:00Z)`,
    );
  }
  const parts = parisFormatter.formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The calendar day an instant falls on in France, where the school's days are counted. */
export function parisDateOf(isoInstant: string): string {
  const c = parisWallClock(isoInstant);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` as a clock in France reads the instant (no zone: files that want local time). */
export function parisDateTime(isoInstant: string): string {
  const c = parisWallClock(isoInstant);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}T${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}`;
}
