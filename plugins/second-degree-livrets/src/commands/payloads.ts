import {
  classCodeSchema,
  entityIdSchema,
  isDateInSchoolYear,
  schoolYearSchema,
  schoolYearLabel,
  uaiSchema,
} from '@liaison/domain';
import { z } from 'zod';
import {
  annualAssessmentFields,
  attendanceFields,
  cycleBilanFields,
  engagementsFields,
  livretRecordWithdrawalFields,
  opinionFields,
  periodSynthesisFields,
  pupilProjectsFields,
  subjectAssessmentFields,
} from '../events/pupil-events';
import { electionModeShape, examOpinionShape, type LivretRecord, periodShape, subjectCodeShape } from '../events/shapes';
import { classStatisticsFields, headFields, projectFields, schemaChoiceFields } from '../events/year-events';

/**
 * The payloads of the livrets commands. What a value says on its own (a code, a date of the
 * year, a count) is checked here: failures are invalid input (exit 2, HTTP 400). Rules that
 * depend on state are the deciders' (exit 1, HTTP 409).
 */

const pupilRef = { uai: uaiSchema, year: schoolYearSchema, pupilId: entityIdSchema, classCode: classCodeSchema };
const yearRef = { uai: uaiSchema, year: schoolYearSchema };

/** Each item's key appears once; `what` names it in the message. */
const uniqueBy =
  <T>(keyOf: (item: T) => string, what: string) =>
  (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const item of items) {
      const key = keyOf(item);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `${what} « ${key} » cité deux fois` });
      seen.add(key);
    }
  };

const inSchoolYear = (field: string, label: string) => (p: { year: number } & Record<string, unknown>, ctx: z.RefinementCtx) => {
  const value = p[field];
  if (typeof value === 'string' && !isDateInSchoolYear(value, p.year)) {
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: `${label} « ${value} » hors de l’année scolaire ${schoolYearLabel(p.year)} (du 1er septembre au 31 août)`,
    });
  }
};

export const recordSubjectAssessmentPayload = z.object({ ...pupilRef, ...subjectAssessmentFields }).superRefine((p, ctx) => {
  if (p.positioning === undefined && p.average === undefined && p.notGraded !== true && p.appraisal === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'rien à enregistrer : un positionnement, une moyenne, « non noté » ou une appréciation est attendu',
    });
  }
  if (p.notGraded === true && p.average !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['average'], message: 'un élève « non noté » n’a pas de moyenne' });
  }
  uniqueBy<string>((e) => e, 'élément de programme')(p.programmeElements ?? [], ctx);
});
export type RecordSubjectAssessment = z.infer<typeof recordSubjectAssessmentPayload>;

export const withdrawSubjectAssessmentPayload = z.object({
  ...pupilRef,
  period: periodShape,
  subjectCode: subjectCodeShape,
  electionMode: electionModeShape,
});
export type WithdrawSubjectAssessment = z.infer<typeof withdrawSubjectAssessmentPayload>;

type WithdrawalKey = 'period' | 'cycle' | 'subjectCode' | 'electionMode' | 'kind';
const WITHDRAWAL_KEY_LABELS: Record<WithdrawalKey, string> = {
  period: 'période (period)',
  cycle: 'cycle (cycle)',
  subjectCode: 'code matière (subjectCode)',
  electionMode: 'modalité d’élection (electionMode)',
  kind: 'type d’avis (kind : engagement, investissement, chef-etablissement)',
};

/** What each record is, in the messages, and the fields that say which one it is. */
export const WITHDRAWABLE: Record<LivretRecord, { label: string; keys: readonly WithdrawalKey[] }> = {
  period: { label: 'la période entière', keys: ['period'] },
  periodSynthesis: { label: 'la synthèse du conseil de classe', keys: ['period'] },
  attendance: { label: 'la vie scolaire', keys: ['period'] },
  pupilProjects: { label: 'les projets, parcours et accompagnements', keys: ['period'] },
  cycleBilan: { label: 'le bilan de fin de cycle', keys: ['cycle'] },
  annualAssessment: { label: 'l’appréciation annuelle', keys: ['subjectCode', 'electionMode'] },
  opinion: { label: 'l’avis', keys: ['kind'] },
  examOpinion: { label: 'l’avis pour l’examen', keys: [] },
  engagements: { label: 'les engagements', keys: [] },
};

export const withdrawLivretRecordPayload = z.object({ ...pupilRef, ...livretRecordWithdrawalFields }).superRefine((p, ctx) => {
  const { label, keys } = WITHDRAWABLE[p.record];
  for (const key of Object.keys(WITHDRAWAL_KEY_LABELS) as WithdrawalKey[]) {
    const needed = keys.includes(key);
    if (needed && p[key] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${WITHDRAWAL_KEY_LABELS[key]} : obligatoire pour retirer ${label} (record ${p.record})`,
      });
    }
    // A field that does not say which record would be carried by the event and mislead its readers.
    if (!needed && p[key] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${WITHDRAWAL_KEY_LABELS[key]} : sans objet pour retirer ${label} (record ${p.record})`,
      });
    }
  }
});
export type WithdrawLivretRecord = z.infer<typeof withdrawLivretRecordPayload>;

export const recordPeriodSynthesisPayload = z
  .object({ ...pupilRef, ...periodSynthesisFields })
  .superRefine(inSchoolYear('councilDate', 'date du conseil de classe'));
export type RecordPeriodSynthesis = z.infer<typeof recordPeriodSynthesisPayload>;

export const recordAttendancePayload = z.object({ ...pupilRef, ...attendanceFields });
export type RecordAttendance = z.infer<typeof recordAttendancePayload>;

export const recordPupilProjectsPayload = z.object({ ...pupilRef, ...pupilProjectsFields }).superRefine((p, ctx) => {
  uniqueBy<{ projectId: string }>((x) => x.projectId, 'projet')(p.projects, ctx);
  uniqueBy<{ code: string }>((x) => x.code, 'parcours')(p.parcours, ctx);
  uniqueBy<{ code: string }>((x) => x.code, 'accompagnement')(p.accompaniments, ctx);
  for (const a of p.accompaniments) {
    if (a.detail !== undefined && a.code !== 'PPRE' && a.code !== 'CTR') {
      ctx.addIssue({ code: 'custom', message: `accompagnement ${a.code} : seuls PPRE et CTR ont un complément` });
    }
  }
});
export type RecordPupilProjects = z.infer<typeof recordPupilProjectsPayload>;

export const recordCycleBilanPayload = z
  .object({ ...pupilRef, ...cycleBilanFields })
  .superRefine(inSchoolYear('date', 'date du bilan'))
  .superRefine((p, ctx) => {
    // LSUN_nomenclatures.xml: « enseignements de complément … utilisés que dans le bilan de fin de cycle 4 ».
    if (p.cycle === 3 && p.complement !== undefined && p.complement.code !== 'AUC') {
      ctx.addIssue({ code: 'custom', path: ['complement'], message: 'enseignement de complément : seulement en fin de cycle 4' });
    }
  });
export type RecordCycleBilan = z.infer<typeof recordCycleBilanPayload>;

export const recordAnnualAssessmentPayload = z.object({ ...pupilRef, ...annualAssessmentFields }).superRefine((p, ctx) => {
  if (p.appraisal === undefined && (p.competences ?? []).length === 0) {
    ctx.addIssue({ code: 'custom', message: 'rien à enregistrer : une appréciation annuelle ou des compétences sont attendues' });
  }
  uniqueBy<{ code: string }>((c) => c.code, 'compétence')(p.competences ?? [], ctx);
});
export type RecordAnnualAssessment = z.infer<typeof recordAnnualAssessmentPayload>;

export const recordPupilOpinionPayload = z
  .object({ ...pupilRef, ...opinionFields })
  .superRefine(inSchoolYear('date', 'date de l’avis'));
export type RecordPupilOpinion = z.infer<typeof recordPupilOpinionPayload>;

export const recordExamOpinionPayload = z.object({ ...pupilRef, opinion: examOpinionShape });
export type RecordExamOpinion = z.infer<typeof recordExamOpinionPayload>;

export const recordEngagementsPayload = z.object({ ...pupilRef, ...engagementsFields }).superRefine((p, ctx) => {
  uniqueBy<string>((c) => c, 'engagement')(p.codes, ctx);
  if (p.codes.length === 0 && p.other === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'rien à enregistrer : un engagement (C, V, A, E, S) ou un autre engagement est attendu',
    });
  }
});
export type RecordEngagements = z.infer<typeof recordEngagementsPayload>;

export const declareLivretProjectPayload = z.object({ ...yearRef, ...projectFields }).superRefine((p, ctx) => {
  uniqueBy<{ subjectCode: string; electionMode: string }>((d) => `${d.subjectCode} ${d.electionMode}`, 'discipline')(
    p.disciplines,
    ctx,
  );
  uniqueBy<{ stsId: string; subjectCode: string; electionMode: string }>(
    (t) => `${t.stsId} ${t.subjectCode} ${t.electionMode}`,
    'enseignant et discipline',
  )(p.teachers, ctx);
});
export type DeclareLivretProject = z.infer<typeof declareLivretProjectPayload>;

export const recordClassStatisticsPayload = z
  .object({ ...yearRef, ...classStatisticsFields, classCode: classCodeSchema })
  .superRefine((p, ctx) => {
    const parts = [p.below8, p.between8and12, p.above12].filter((x): x is number => x !== undefined);
    if (parts.length === 3 && Math.abs(parts.reduce((a, b) => a + b, 0) - 100) > 0.1) {
      ctx.addIssue({ code: 'custom', message: 'répartition : les trois pourcentages doivent faire 100' });
    }
  });
export type RecordClassStatistics = z.infer<typeof recordClassStatisticsPayload>;

export const declareLivretHeadPayload = z.object({ ...yearRef, ...headFields });
export type DeclareLivretHead = z.infer<typeof declareLivretHeadPayload>;

export const chooseLivretSchemasPayload = z
  .object({ ...yearRef, ...schemaChoiceFields })
  .refine((p) => p.lsu !== undefined || p.lsl !== undefined, { message: 'indiquez le schéma LSU (lsu) ou LSL (lsl)' });
export type ChooseLivretSchemas = z.infer<typeof chooseLivretSchemasPayload>;
