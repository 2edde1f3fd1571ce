const FRENCH = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$/;
const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T.*)?$/;

function exists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A file date as `YYYY-MM-DD`: BEE exports write `DD/MM/YYYY` (a time may follow, as in
 * `HORODATAGE`), STS-web writes ISO dates (FORMAT.md §14.2); both are read. Undefined when the
 * value is missing, empty, or not a day that exists — see `isInvalidDate` to report it.
 */
export function isoDateOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const french = FRENCH.exec(v);
  if (french) {
    const [day, month, year] = [Number(french[1]), Number(french[2]), Number(french[3])];
    return exists(year, month, day) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : undefined;
  }
  const iso = ISO.exec(v);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return exists(year, month, day) ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
  }
  return undefined;
}

/** True when a date is given but cannot be read (`31/02/2019`, `2019`). */
export function isInvalidDate(value: string | undefined): boolean {
  return value !== undefined && value.trim().length > 0 && isoDateOf(value) === undefined;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`, for French messages. */
export function frenchDateOf(isoDate: string): string {
  const m = ISO.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}
