/** Wall-clock parts of an instant in Europe/Paris: the time a French school reads. */
export interface ParisWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * The Paris wall-clock time of an ISO 8601 instant (with its zone). Computed with an explicit
 * time zone, so that file names and zip dates never depend on the machine's `TZ`.
 */
export function parisWallClock(instant: string): ParisWallClock {
  const time = /(Z|[+-]\d{2}:\d{2})$/.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(time)) throw new Error(`instant « ${instant} » invalide : le format ISO 8601 avec fuseau est attendu`);
  const parts = Object.fromEntries(formatter.formatToParts(time).map((p) => [p.type, p.value]));
  const n = (key: string) => Number(parts[key]);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

export const pad2 = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of an instant's Paris calendar day. */
export function parisIsoDate(instant: string): string {
  const c = parisWallClock(instant);
  return `${String(c.year).padStart(4, '0')}-${pad2(c.month)}-${pad2(c.day)}`;
}
