/**
 * LSL code lists: the enumerations of the LSL XSD (`import-lsl_1.xsd`); labels where LSL
 * FORMAT.md gives them. `lsl-codes.spec.ts` checks the codes against the shipped XSD.
 */

/** Engagements (`engagement/@code`); labels from GEPI's data (LSL FORMAT.md §5.1). */
export const ENGAGEMENTS = {
  C: 'délégué de classe',
  V: 'délégué au CVL',
  A: 'membre du CA',
  E: 'membre du CESC',
  S: 'membre de l’association sportive',
} as const;
export type EngagementCode = keyof typeof ENGAGEMENTS;
export const ENGAGEMENT_CODES = Object.keys(ENGAGEMENTS) as EngagementCode[];

/** The pedagogical team's opinion for the baccalauréat (`CodeAvisExamen`); meanings ASSUMED (FORMAT.md §5.2). */
export const EXAM_OPINIONS = {
  T: 'très favorable',
  F: 'favorable',
  A: 'assez favorable',
  D: 'doit faire ses preuves',
} as const;
export type ExamOpinionCode = keyof typeof EXAM_OPINIONS;
export const EXAM_OPINION_CODES = Object.keys(EXAM_OPINIONS) as ExamOpinionCode[];

/** Competence levels (`CodeNiveauCompetence`); the CEFR levels apply to languages. */
export const COMPETENCE_LEVELS = ['0', 'NE', '1', '2', '3', '4', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

/** Election modalities LSL accepts (`ModaliteElection`): a subset of LSU's. */
export const LSL_ELECTION_MODES = ['O', 'F', 'S'] as const;
