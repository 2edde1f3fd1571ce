/**
 * The LSL import file as data (`lsl:lsl`, `schemaVersion` 1.0, LSL FORMAT.md §4): one field per
 * element or attribute of the public (pre-reform) XSD. The writer renders it, the reader reads
 * it back, the mapper builds it from a snapshot, the pre-export checks judge it.
 */

export const LSL_NAMESPACE = 'urn:ac-grenoble.fr:lsl:import';

export interface LslOpinion {
  text: string;
  /** ≤ 65 characters. */
  lastName: string;
  /** ≤ 50 characters. */
  firstName: string;
  date?: string;
}

export interface LslStructure {
  headcount?: string;
  average?: string;
  below8?: string;
  between8and12?: string;
  above12?: string;
}

export interface LslEvaluation {
  electionMode: string;
  subjectCode: string;
  date?: string;
  structure: LslStructure;
  /** The annual appraisal (`annuelle`). */
  annual?: string;
  periods: Array<{ number: number; average: string }>;
  competences: Array<{ code?: string; level: string }>;
  teachers: Array<{ lastName?: string; firstName?: string }>;
}

export interface LslSchoolYear {
  /** `annee-scolaire`: the start year. */
  year: string;
  /** `code-periode`: T (trimestres) or S (semestres). */
  periodType: string;
  engagementOpinion?: LslOpinion;
  investmentOpinion?: LslOpinion;
  headOpinion?: LslOpinion;
  evaluations: LslEvaluation[];
}

export interface LslPupil {
  /** SIECLE ELEVE_ID, never the INE. */
  id: string;
  engagements?: { codes: string[]; other?: string };
  examOpinion?: string;
  schoolYears: LslSchoolYear[];
}

export interface LslDocument {
  schemaVersion: string;
  header: { editor: string; application: string; establishment: string };
  pupils: LslPupil[];
}
