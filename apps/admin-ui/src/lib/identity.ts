import type { PayloadOf } from '../api/commands';

/** The identity form of the pupil record: its draft, and the CorrectPupilIdentity fields that changed. */

interface BirthPlace {
  country?: string;
  department?: string;
  communeCode?: string;
  city?: string;
}

export interface Identity {
  lastName?: string;
  firstName?: string;
  usageName?: string;
  firstName2?: string;
  firstName3?: string;
  sex?: string;
  birthDate?: string;
  birthPlace?: BirthPlace;
  nationality?: string;
}

const TEXT_FIELDS = [
  'lastName',
  'usageName',
  'firstName',
  'firstName2',
  'firstName3',
  'birthDate',
  'sex',
  'nationality',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const REQUIRED: ReadonlySet<string> = new Set(['lastName', 'firstName', 'sex', 'birthDate']);

export function draftOf(identity: Identity) {
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, String(identity[f] ?? '')])),
    country: identity.birthPlace?.country ?? '',
    department: identity.birthPlace?.department ?? '',
    communeCode: identity.birthPlace?.communeCode ?? '',
    city: identity.birthPlace?.city ?? '',
  } as Record<TextField | 'country' | 'department' | 'communeCode' | 'city', string>;
}

export type IdentityDraft = ReturnType<typeof draftOf>;
type Draft = IdentityDraft;

/** Only what changed: a cleared optional field is sent as null, a birth place as a whole. */
export function identityChanges(identity: Identity, draft: Draft): Partial<PayloadOf<'CorrectPupilIdentity'>> {
  const changes: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) {
    const before = String(identity[f] ?? '');
    const after = draft[f].trim();
    if (before === after) continue;
    changes[f] = after === '' ? (REQUIRED.has(f) ? after : null) : after;
  }
  const place: BirthPlace = {};
  for (const k of ['country', 'department', 'communeCode', 'city'] as const) if (draft[k].trim()) place[k] = draft[k].trim();
  const had = identity.birthPlace ?? {};
  const same = (['country', 'department', 'communeCode', 'city'] as const).every((k) => (had[k] ?? '') === (place[k] ?? ''));
  if (!same) changes.birthPlace = Object.keys(place).length === 0 ? null : place;
  return changes as Partial<PayloadOf<'CorrectPupilIdentity'>>;
}
