/**
 * The LSU import file as data (`lsun-bilans`, LSU FORMAT.md §3), one field per element or
 * attribute of the XSD, in the XSD's order. The writer renders it, the reader reads it back, the
 * mapper builds it from a snapshot and the pre-export checks judge it. Ids and references are
 * the document's own (`EL_…`, `DI_…`): the mapper makes them unique and NCName-safe.
 */

export const LSU_NAMESPACE = 'urn:fr:edu:scolarite:lsun:bilans:import';

export interface LsuHeader {
  editor: string;
  application: string;
  /** `appliVersion`: the 2019 XSD refuses it. */
  applicationVersion?: string;
  /** UAI. */
  establishment: string;
}

export interface LsuHead {
  id: string;
  label: string;
}

export interface LsuPupil {
  id: string;
  /** SIECLE ELEVE_ID (`id-be`), never the INE. */
  idBe: string;
  lastName?: string;
  firstName?: string;
  division: string;
}

export interface LsuPeriod {
  id: string;
  /** Start year of the school year, 4 characters. */
  millesime: string;
  index: number;
  count: number;
}

export interface LsuDiscipline {
  id: string;
  code: string;
  nationalCode?: string;
  electionMode: string;
  label: string;
}

export interface LsuTeacher {
  id: string;
  type: string;
  stsId: string;
  civility?: string;
  lastName?: string;
  /** May be empty (`ChaineEmptyWithMax100`). */
  firstName?: string;
}

export interface LsuProgrammeElement {
  id: string;
  label: string;
}

export interface LsuDigitalSkillsCommon {
  id: string;
  structureCode: string;
  structureType: string;
  text: string;
}

export interface LsuParcours {
  code: string;
  text: string;
}

export interface LsuCommonParcours {
  periodRef: string;
  division: string;
  parcours: LsuParcours[];
}

export interface LsuCommonSchoolLife {
  periodRef: string;
  division: string;
  comment: string;
}

export interface LsuEpiTheme {
  code: string;
  label: string;
}

export interface LsuTeacherDiscipline {
  teacherRef: string;
  disciplineRef: string;
}

/** An EPI (`epi`) or an AP (`acc-perso`). */
export interface LsuProject {
  id: string;
  title: string;
  /** EPI only. */
  theme?: string;
  disciplineRefs: string[];
  description?: string;
}

/** An EPI group (`epi-groupe`) or an AP group (`acc-perso-groupe`). */
export interface LsuProjectGroup {
  id: string;
  projectRef: string;
  title: string;
  comment?: string;
  teacherDisciplines: LsuTeacherDiscipline[];
}

export interface LsuAcquis {
  disciplineRef: string;
  teacherRefs: string[];
  programmeElementRefs?: string[];
  average?: string;
  classAverage?: string;
  notGraded?: boolean;
  classNotGraded?: boolean;
  positioning?: number;
  appraisal?: string;
}

export interface LsuDigitalSkills {
  commonRefs?: string[];
  appraisal?: string;
  skills: Array<{ code: string; level: number }>;
}

export interface LsuGroupComment {
  groupRef: string;
  comment?: string;
}

export interface LsuAccompaniment {
  code: string;
  ppre?: string;
  successContract?: string;
}

export interface LsuSchoolLife {
  lateArrivals: number;
  justifiedAbsences: number;
  unjustifiedAbsences: number;
  missedHours?: number;
  comment?: string;
}

export interface LsuDomain {
  code: string;
  positioning?: number;
}

export interface LsuAddress {
  line1?: string;
  line2?: string;
  line3?: string;
  line4?: string;
  postalCode: string;
  commune: string;
}

export interface LsuGuardian {
  civility?: string;
  lastName?: string;
  firstName?: string;
  legal1?: boolean;
  legal2?: boolean;
  link?: string;
  denomination?: string;
  address?: LsuAddress;
}

export interface LsuPeriodicBilan {
  pupilRef: string;
  periodRef: string;
  councilDate: string;
  schoolingDate: string;
  /** `date-verrou`: required by the 2019 and 2020 XSDs. */
  lockDate?: string;
  headRef: string;
  mainTeacherRefs?: string[];
  acquis: LsuAcquis[];
  digitalSkills?: LsuDigitalSkills;
  epis: LsuGroupComment[];
  aps: LsuGroupComment[];
  parcours: LsuParcours[];
  accompaniments: LsuAccompaniment[];
  /** `acquis-conseils`: the class council's synthesis. */
  advice: string;
  homework?: string;
  schoolLife: LsuSchoolLife;
  socle?: LsuDomain[];
  guardians: LsuGuardian[];
}

export interface LsuCycleBilan {
  pupilRef: string;
  cycle: number;
  millesime: string;
  createdOn: string;
  lockDate?: string;
  headRef: string;
  mainTeacherRefs?: string[];
  socle: LsuDomain[];
  synthesis: string;
  complement?: { code: string; positioning?: number };
  guardians: LsuGuardian[];
  regionalLanguage?: { code: string; positioning?: number };
}

export interface LsuDocument {
  schemaVersion: string;
  header: LsuHeader;
  heads: LsuHead[];
  pupils: LsuPupil[];
  periods: LsuPeriod[];
  disciplines: LsuDiscipline[];
  teachers: LsuTeacher[];
  programmeElements: LsuProgrammeElement[];
  digitalSkillsCommons: LsuDigitalSkillsCommon[];
  commonParcours: LsuCommonParcours[];
  commonSchoolLife: LsuCommonSchoolLife[];
  epiThemes: LsuEpiTheme[];
  epis: LsuProject[];
  epiGroups: LsuProjectGroup[];
  aps: LsuProject[];
  apGroups: LsuProjectGroup[];
  periodicBilans: LsuPeriodicBilan[];
  cycleBilans: LsuCycleBilan[];
}

/** A document with nothing but its header: the mapper and the reader fill it. */
export function emptyLsuDocument(header: LsuHeader, schemaVersion: string): LsuDocument {
  return {
    schemaVersion,
    header,
    heads: [],
    pupils: [],
    periods: [],
    disciplines: [],
    teachers: [],
    programmeElements: [],
    digitalSkillsCommons: [],
    commonParcours: [],
    commonSchoolLife: [],
    epiThemes: [],
    epis: [],
    epiGroups: [],
    aps: [],
    apGroups: [],
    periodicBilans: [],
    cycleBilans: [],
  };
}
