export type Sex = 'M' | 'F';

/** INSEE codes as strings: `country` "100" = France, `department` "075", `communeCode` "75056". */
export interface BirthPlace {
  country: string;
  department?: string;
  communeCode?: string;
  city?: string;
}

/** Where the pupil was last year; `provenance` is SIECLE's CODE_PROVENANCE (1-8). */
export interface PreviousSchool {
  uai?: string;
  department?: string;
  provenance?: string;
  formationCode?: string;
  classCode?: string;
}

export interface PupilIdentity {
  lastName: string;
  firstName: string;
  sex: Sex;
  birthDate: string;
  usageName?: string;
  firstName2?: string;
  firstName3?: string;
  birthPlace?: BirthPlace;
  /** INSEE country code. */
  nationality?: string;
  previousSchool?: PreviousSchool;
}

/** The identity fields that may be cleared. */
export const OPTIONAL_IDENTITY_FIELDS = [
  'usageName',
  'firstName2',
  'firstName3',
  'birthPlace',
  'nationality',
  'previousSchool',
] as const;
export const IDENTITY_FIELDS = ['lastName', 'firstName', 'sex', 'birthDate', ...OPTIONAL_IDENTITY_FIELDS] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** The link between the pupil and one guardian; the person is on the guardian's stream. */
export interface GuardianRelation {
  /** SIECLE's CODE_PARENTE. */
  link: string;
  legalLevel: 1 | 2 | 3;
  parentalAuthority: boolean;
  livesWith?: boolean;
}

export type PupilYearStatus = 'preinscrit' | 'inscrit' | 'sorti';

/** SIECLE schooling fields of a year; absent means not set (SIECLE's defaults apply at export). */
export interface PupilSchooling {
  regime?: string;
  statut?: string;
  transport?: boolean;
  doublement?: boolean;
}

export type NextYearDecision = 'passage' | 'redoublement' | 'sortie';

/** The "An prochain" decision, read by the year rollover. */
export interface NextYearPlan {
  decision: NextYearDecision;
  formationCode?: string;
  classCode?: string;
  motive?: string;
  exitDate?: string;
}

/** What the pupil is in one school year. A pupil who exited keeps the class and formation they left. */
export interface PupilYear {
  status: PupilYearStatus;
  classCode?: string;
  /**
   * The classes the pupil left during the year, oldest first: what was recorded of them (a
   * term's results) still names them. Absent until a first change of class.
   */
  formerClassCodes?: string[];
  formationCode?: string;
  entryDate?: string;
  exitDate?: string;
  exitMotive?: string;
  lv1?: string;
  lv2?: string;
  dispositifs: string[];
  schooling: PupilSchooling;
  plan?: NextYearPlan;
}

/** State of `pupil-<UAI>-<pupilId>`. JSON-safe: read models store it as it is. */
export interface PupilState {
  registered: boolean;
  uai?: string;
  pupilId?: string;
  identity?: PupilIdentity;
  ine?: string;
  /** SIECLE's ELEVE_ID. */
  siecleId?: string;
  /** Relations by guardianId. */
  guardians: Record<string, GuardianRelation>;
  /** By school year (2026 = 2026-2027). */
  years: Record<number, PupilYear>;
}

export const initialPupilState = (): PupilState => ({ registered: false, guardians: {}, years: {} });
