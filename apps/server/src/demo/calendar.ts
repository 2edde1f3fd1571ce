/**
 * Dates of the demo, in Europe/Paris local time. Plain arithmetic on `YYYY-MM-DD` strings (UTC
 * noon underneath, so no daylight-saving edge can shift a day) and the EU summer-time rule for
 * turning a local time into an instant.
 */

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toUtcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcNoon(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return toUtcNoon(date).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** The date itself, or the next Monday when it falls on a weekend. */
export function workingDayFrom(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

export function nextWorkingDay(date: string): string {
  return workingDayFrom(addDays(date, 1));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcNoon(to).getTime() - toUtcNoon(from).getTime()) / DAY_MS);
}

/** Last Sunday of a month, as a day of month. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0, 12));
  return last.getUTCDate() - last.getUTCDay();
}

/** Minutes to add to UTC to get Paris time at that instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const year = instant.getUTCFullYear();
  const summerStart = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const summerEnd = Date.UTC(year, 9, lastSunday(year, 10), 1);
  const t = instant.getTime();
  return t >= summerStart && t < summerEnd ? 120 : 60;
}

/** The Paris calendar date of an instant. */
export function parisDateOf(instant: Date): string {
  return new Date(instant.getTime() + parisOffsetMinutes(instant) * 60_000).toISOString().slice(0, 10);
}

/** The instant of a Paris local time, `minutes` after midnight of `date`. */
export function parisInstant(date: string, minutes: number): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const guess = naive - 60 * 60_000;
  const offset = parisOffsetMinutes(new Date(guess));
  return new Date(naive - offset * 60_000);
}

/** Year Y runs from 1 September Y to 31 August Y+1. */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
}

/** The rentrée: 1 September, or the Monday after when the 1st is a Friday or a weekend. */
export function rentreeDate(year: number): string {
  let date = isoDate(year, 9, 1);
  while (weekday(date) === 5 || isWeekend(date)) date = addDays(date, 1);
  return date;
}
