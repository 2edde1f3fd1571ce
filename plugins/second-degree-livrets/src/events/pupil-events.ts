import { defineEvent, type EventData } from '@liaison/events';
import { z } from 'zod';
import {
  accompanimentShape,
  authorShape,
  averageShape,
  competenceShape,
  complementShape,
  cycleShape,
  dayShape,
  electionModeShape,
  engagementCodeShape,
  examOpinionShape,
  freeText,
  livretRecordShape,
  opinionKindShape,
  parcoursEntryShape,
  periodShape,
  positioningShape,
  regionalLanguageShape,
  schoolLifeCount,
  socleShape,
  subjectCodeShape,
  teacherIdsShape,
} from './shapes';

/**
 * Events of a pupil's livret, on `livret-<UAI>-<YYYY>-<pupilId>` (see `streams.ts`). Each one
 * states what a record now is (a subject's assessment for a period, the period's synthesis…),
 * replacing the previous value of the same key; a decider emits nothing when the value is
 * unchanged. `classCode` is the division the pupil was assessed in (checked at the time).
 */

export const pupilRef = {
  uai: z.string().regex(/^[0-9]{7}[A-Z]$/),
  year: z.number().int().min(2000).max(2100),
  pupilId: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
  classCode: z.string().min(1).max(20),
};

/** A subject's periodic assessment: positioning and/or mark, appraisal, the teachers who gave it. */
export const subjectAssessmentFields = {
  period: periodShape,
  subjectCode: subjectCodeShape,
  electionMode: electionModeShape,
  /** STS-web ids of the teachers of the subject. */
  teacherIds: teacherIdsShape,
  positioning: positioningShape.optional(),
  /** The pupil's average out of 20 (`moyenne-eleve`, LSL `periode/@moyenne`). */
  average: averageShape('moyenne').optional(),
  /** The pupil could not be assessed (`eleve-non-note`). */
  notGraded: z.boolean().optional(),
  /** The class's average (`moyenne-structure`). */
  classAverage: averageShape('moyenne de la classe').optional(),
  appraisal: freeText('appréciation', 600).optional(),
  /** Programme elements worked on (`element-programme/@libelle`), in the order given. */
  programmeElements: z.array(freeText('élément de programme', 300)).optional(),
};

export const LivretSubjectAssessed = defineEvent('LivretSubjectAssessed', z.object({ ...pupilRef, ...subjectAssessmentFields }));

export const LivretSubjectAssessmentWithdrawn = defineEvent(
  'LivretSubjectAssessmentWithdrawn',
  z.object({ ...pupilRef, period: periodShape, subjectCode: subjectCodeShape, electionMode: electionModeShape }),
);

/** The class council's synthesis for the period (`acquis-conseils`) and its date. */
export const periodSynthesisFields = {
  period: periodShape,
  councilDate: dayShape('date du conseil de classe'),
  synthesis: freeText('synthèse du conseil de classe', 1000),
  /** « Devoirs faits » (LSU `devoirs-faits`). */
  homework: freeText('devoirs faits', 600).optional(),
};
export const LivretPeriodSynthesisRecorded = defineEvent(
  'LivretPeriodSynthesisRecorded',
  z.object({ ...pupilRef, ...periodSynthesisFields }),
);

/** Vie scolaire of the period: lateness and half-days of absence (LSU `vie-scolaire`). */
export const attendanceFields = {
  period: periodShape,
  lateArrivals: schoolLifeCount('retards'),
  justifiedAbsences: schoolLifeCount('demi-journées d’absence justifiées'),
  unjustifiedAbsences: schoolLifeCount('demi-journées d’absence injustifiées'),
  missedHours: schoolLifeCount('heures de cours manquées').optional(),
  comment: freeText('commentaire de vie scolaire', 600).optional(),
};
export const LivretAttendanceRecorded = defineEvent('LivretAttendanceRecorded', z.object({ ...pupilRef, ...attendanceFields }));

/** The pupil's EPI and AP groups, parcours and accompaniment modalities for the period. */
export const pupilProjectsFields = {
  period: periodShape,
  /** Projects of the year (`DeclareLivretProject`) the pupil took part in, with a comment. */
  projects: z.array(
    z.object({
      projectId: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'projet : identifiant de 1 à 20 caractères A-Z, a-z, 0-9, - et _'),
      comment: freeText('commentaire du projet', 600).optional(),
    }),
  ),
  parcours: z.array(parcoursEntryShape),
  accompaniments: z.array(accompanimentShape),
};
export const LivretPupilProjectsRecorded = defineEvent(
  'LivretPupilProjectsRecorded',
  z.object({ ...pupilRef, ...pupilProjectsFields }),
);

/** The end-of-cycle bilan (6e for cycle 3, 3e for cycle 4). */
export const cycleBilanFields = {
  cycle: cycleShape,
  /** `date-creation`. */
  date: dayShape('date du bilan'),
  domains: socleShape,
  synthesis: freeText('synthèse du bilan de cycle', 1500),
  complement: complementShape.optional(),
  regionalLanguage: regionalLanguageShape.optional(),
};
export const LivretCycleBilanRecorded = defineEvent('LivretCycleBilanRecorded', z.object({ ...pupilRef, ...cycleBilanFields }));

/** The lycée's annual appraisal of a subject and its competences (LSL `annuelle`, `competences`). */
export const annualAssessmentFields = {
  subjectCode: subjectCodeShape,
  electionMode: electionModeShape,
  teacherIds: teacherIdsShape,
  appraisal: freeText('appréciation annuelle', 300).optional(),
  competences: z.array(competenceShape).optional(),
};
export const LivretAnnualAssessmentRecorded = defineEvent(
  'LivretAnnualAssessmentRecorded',
  z.object({ ...pupilRef, ...annualAssessmentFields }),
);

/** An opinion on the year (LSL `avisEngagement`, `avisInvestissement`, `avisChefEtab`). */
export const opinionFields = {
  kind: opinionKindShape,
  text: freeText('avis', 300),
  author: authorShape,
  date: dayShape('date de l’avis').optional(),
};
export const LivretOpinionRecorded = defineEvent('LivretOpinionRecorded', z.object({ ...pupilRef, ...opinionFields }));

/** The pedagogical team's opinion for the baccalauréat (LSL `avisExamen`). */
export const LivretExamOpinionRecorded = defineEvent(
  'LivretExamOpinionRecorded',
  z.object({ ...pupilRef, opinion: examOpinionShape }),
);

/** Engagements and responsibilities (LSL `engagements`). */
export const engagementsFields = {
  codes: z.array(engagementCodeShape),
  other: freeText('autre engagement', 300).optional(),
};
export const LivretEngagementsRecorded = defineEvent(
  'LivretEngagementsRecorded',
  z.object({ ...pupilRef, ...engagementsFields }),
);

/**
 * A record of the livret withdrawn as a whole (recorded by mistake: a period the school does not
 * use, a cycle bilan of the wrong level…). `record` says which; the key fields it needs are
 * present (`period` for the period's records, `cycle`, `subjectCode` + `electionMode`, `kind`),
 * the others absent. `period` withdraws everything of the period, subjects included.
 */
export const livretRecordWithdrawalFields = {
  record: livretRecordShape,
  period: periodShape.optional(),
  cycle: cycleShape.optional(),
  subjectCode: subjectCodeShape.optional(),
  electionMode: electionModeShape.optional(),
  kind: opinionKindShape.optional(),
};
export const LivretRecordWithdrawn = defineEvent(
  'LivretRecordWithdrawn',
  z.object({ ...pupilRef, ...livretRecordWithdrawalFields }),
);

export const pupilEvents = [
  LivretSubjectAssessed,
  LivretSubjectAssessmentWithdrawn,
  LivretPeriodSynthesisRecorded,
  LivretAttendanceRecorded,
  LivretPupilProjectsRecorded,
  LivretCycleBilanRecorded,
  LivretAnnualAssessmentRecorded,
  LivretOpinionRecorded,
  LivretExamOpinionRecorded,
  LivretEngagementsRecorded,
  LivretRecordWithdrawn,
];

export type LivretSubjectAssessedData = EventData<typeof LivretSubjectAssessed>;
export type LivretSubjectAssessmentWithdrawnData = EventData<typeof LivretSubjectAssessmentWithdrawn>;
export type LivretPeriodSynthesisRecordedData = EventData<typeof LivretPeriodSynthesisRecorded>;
export type LivretAttendanceRecordedData = EventData<typeof LivretAttendanceRecorded>;
export type LivretPupilProjectsRecordedData = EventData<typeof LivretPupilProjectsRecorded>;
export type LivretCycleBilanRecordedData = EventData<typeof LivretCycleBilanRecorded>;
export type LivretAnnualAssessmentRecordedData = EventData<typeof LivretAnnualAssessmentRecorded>;
export type LivretOpinionRecordedData = EventData<typeof LivretOpinionRecorded>;
export type LivretExamOpinionRecordedData = EventData<typeof LivretExamOpinionRecorded>;
export type LivretEngagementsRecordedData = EventData<typeof LivretEngagementsRecorded>;
export type LivretRecordWithdrawnData = EventData<typeof LivretRecordWithdrawn>;
