import { DomainError } from '@liaison/domain';
import { COMPLEMENTS, REGIONAL_LANGUAGES, SOCLE_DOMAINS, type SocleDomain } from '../codes/lsu-codes';
import { normaliseHeader } from './csv-read';

/**
 * The values of a « bilans de fin de cycle » line as grade books write them (a number, a word, a
 * code or its label), read into what `RecordCycleBilan` takes. A value that cannot be read is
 * passed on as written, so the command's schema names the field and what it expects; only the
 * socle levels, whose schema message would not say which domain, are refused here.
 */

/** Lower case, no accents, apostrophes and underscores as spaces: a word as a person may type it. */
const word = normaliseHeader;

/** `3`, `4`, also `cycle 4` or `C4`. */
export function cycleValue(value: string | undefined): number | string | undefined {
  const m = value === undefined ? null : /^(?:c|cycle)?\s*([34])$/.exec(word(value));
  return m ? Number(m[1]) : value;
}

/**
 * LSU's `PositionnementSocle`: 1 maîtrise insuffisante, 2 fragile, 3 satisfaisante, 4 très bonne
 * (the labels are the usual convention, the XSD gives numbers only), 0 dispensé (the XSD's
 * documentation). « maîtrise » may be written or not, before or after.
 */
const SOCLE_WORDS: Readonly<Record<string, number>> = {
  dispense: 0,
  dispensee: 0,
  insuffisante: 1,
  fragile: 2,
  satisfaisante: 3,
  'tres bonne': 4,
};

const socleExpected = '1 à 4 (insuffisante, fragile, satisfaisante, très bonne), ou 0 (dispensé)';

/** The domain's level, 0 to 4; a blank or unreadable cell rejects the line, naming the domain. */
export function socleLevel(domain: SocleDomain, value: string | undefined): number {
  const named = `${domain} (${SOCLE_DOMAINS[domain]})`;
  if (value === undefined) {
    throw new DomainError('invalid_value', `${named} : positionnement manquant, ${socleExpected} est attendu`, 'invalid');
  }
  if (/^[0-4]$/.test(value)) return Number(value);
  const level =
    SOCLE_WORDS[
      word(value)
        .replace(/\bmaitrise\b/, '')
        .trim()
    ];
  if (level !== undefined) return level;
  throw new DomainError(
    'invalid_value',
    `${named} : « ${value} » n’est pas un positionnement du socle, ${socleExpected} est attendu`,
    'invalid',
  );
}

/** A code of the nomenclature, written as the code (any case) or as its label. */
export function codeOf(list: Readonly<Record<string, string>>, value: string): string {
  if (Object.hasOwn(list, value.toUpperCase())) return value.toUpperCase();
  return Object.keys(list).find((code) => word(list[code]!) === word(value)) ?? value;
}

export const complementCode = (value: string) => codeOf(COMPLEMENTS, value);
export const regionalLanguageCode = (value: string) => codeOf(REGIONAL_LANGUAGES, value);

/** `PositionnementEnsCompl`: 1 objectifs atteints, 2 objectifs dépassés. */
export function complementLevel(value: string): number | string {
  if (/^[12]$/.test(value)) return Number(value);
  const w = word(value).replace(/^objectifs? /, '');
  if (/^atteints?$/.test(w)) return 1;
  if (/^depasses?$/.test(w)) return 2;
  return value;
}

/** `PositionnementLangueCultureRegionale`: 1 niveau (A2) non atteint, 2 atteint. */
export function regionalLanguageLevel(value: string): number | string {
  if (/^[12]$/.test(value)) return Number(value);
  const w = word(value)
    .replace(/^niveau (a2 )?/, '')
    .trim();
  if (w === 'non atteint') return 1;
  if (w === 'atteint') return 2;
  return value;
}
