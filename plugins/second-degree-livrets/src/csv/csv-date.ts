import { DomainError } from '@liaison/domain';

/**
 * A date as French files write it, `JJ/MM/AAAA`, or as ISO `AAAA-MM-JJ`, returned as
 * `AAAA-MM-JJ`; anything else as given, so the command's schema says why it is not a date.
 */
export function isoDate(value: string): string;
export function isoDate(value: string | undefined): string | undefined;
export function isoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const fr = /^([0-9]{2})\/([0-9]{2})\/([0-9]{4})$/.exec(value);
  return fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : value;
}

/**
 * A date column's value as `AAAA-MM-JJ`, refused with the column's name when it is not a day
 * that exists in either form (`undefined` when the cell is blank: the command says it is required).
 * The command would refuse it too, but naming a date of its own payload in its own format.
 */
export function readDay(value: string | undefined, header: string): string | undefined {
  const iso = isoDate(value);
  if (iso === undefined) return undefined;
  const day = new Date(`${iso}T00:00:00Z`);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(iso) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso) {
    throw new DomainError(
      'invalid_value',
      `${header} « ${value} » : une date JJ/MM/AAAA ou AAAA-MM-JJ qui existe est attendue`,
      'invalid',
    );
  }
  return iso;
}
