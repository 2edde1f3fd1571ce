import { type GuardianPerson, PERSON_FIELDS, type PersonField } from './guardian-state';

/** Structural equality of JSON values, ignoring `undefined` members and key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameValue(ra[key], rb[key])) return false;
  return true;
}

/**
 * The person fields a payload states differently from the registered person. A field the
 * payload leaves out is not a difference: linking a sibling need not repeat every contact.
 */
export function differingPersonFields(stored: GuardianPerson, given: Partial<GuardianPerson>): PersonField[] {
  return PERSON_FIELDS.filter((field) => given[field] !== undefined && !sameValue(stored[field], given[field]));
}

/** French names of the person fields, for messages. */
export const PERSON_FIELD_LABELS: Record<PersonField, string> = {
  civility: 'civilité',
  lastName: 'nom',
  firstName: 'prénom',
  usageName: 'nom d’usage',
  address: 'adresse',
  phone: 'téléphone',
  mobile: 'téléphone portable',
  email: 'courriel',
  profession: 'profession',
};

/** The person part of a full guardian payload. */
export function personOf(guardian: GuardianPerson & Record<string, unknown>): GuardianPerson {
  const person: Record<string, unknown> = {};
  for (const field of PERSON_FIELDS) if (guardian[field] !== undefined) person[field] = guardian[field];
  return person as unknown as GuardianPerson;
}
