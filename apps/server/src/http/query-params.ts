import { checkUai, InvalidValueError, parseSchoolYear } from '@liaison/domain';

export function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new InvalidValueError(`paramètre ${name} « ${value} » invalide : entier positif attendu`);
  return Number(value);
}

export function uaiParam(uai: string): string {
  const reason = checkUai(uai);
  if (reason) throw new InvalidValueError(reason);
  return uai;
}

export function yearParam(year: string): number {
  return parseSchoolYear(year);
}
