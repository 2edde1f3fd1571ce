export type Civility = 'M.' | 'MME';

export interface GuardianAddress {
  line1: string;
  line2?: string;
  postalCode?: string;
  commune: string;
  /** INSEE country code ("100" = France). */
  country: string;
}

/** The person of a guardian, shared by the siblings that name the same `guardianId`. */
export interface GuardianPerson {
  civility: Civility;
  lastName: string;
  firstName: string;
  usageName?: string;
  address: GuardianAddress;
  phone?: string;
  mobile?: string;
  email?: string;
  /** 2-digit PCS code. */
  profession?: string;
}

/** State of `guardian-<UAI>-<guardianId>`. */
export interface GuardianState {
  registered: boolean;
  uai?: string;
  guardianId?: string;
  person?: GuardianPerson;
  /** SIECLE's PERSONNE_ID (family id). */
  siecleId?: string;
}

export const initialGuardianState = (): GuardianState => ({ registered: false });

/** The person fields that may be cleared (absent from the person). */
export const OPTIONAL_PERSON_FIELDS = ['usageName', 'phone', 'mobile', 'email', 'profession'] as const;
export const PERSON_FIELDS = ['civility', 'lastName', 'firstName', 'address', ...OPTIONAL_PERSON_FIELDS] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
