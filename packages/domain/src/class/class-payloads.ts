import { z } from 'zod';
import {
  classCodeSchema,
  isDateInSchoolYear,
  isoDateSchema,
  isValidIsoDate,
  schoolYearBounds,
  schoolYearLabel,
  schoolYearSchema,
  toFrenchDate,
  uaiSchema,
} from '../values';

const LABEL_MAX = 100;
const RECTORAT_CODE_MAX = 8;
const CODE_MAX = 40;

const classRef = { uai: uaiSchema, year: schoolYearSchema, classCode: classCodeSchema };

const classLabel = z
  .string({ error: 'libellé de classe invalide : une chaîne de caractères est attendue' })
  .trim()
  .min(1, 'le libellé de la classe est obligatoire')
  .max(LABEL_MAX, `libellé de classe trop long : ${LABEL_MAX} caractères au plus`);

/** A nomenclature code (formation, class type): its existence is a rule, checked against the year. */
const nomenclatureCode = (what: string) =>
  z
    .string({ error: `${what} invalide : une chaîne de caractères est attendue` })
    .trim()
    .min(1, `${what} obligatoire`)
    .max(CODE_MAX, `${what} trop long : ${CODE_MAX} caractères au plus`);

export const createClassPayload = z.object({ ...classRef, label: classLabel });
export type CreateClass = z.infer<typeof createClassPayload>;

export const renameClassPayload = z.object({ ...classRef, label: classLabel });
export type RenameClass = z.infer<typeof renameClassPayload>;

export const closeClassPayload = z.object({ ...classRef, closedOn: isoDateSchema }).superRefine((p, ctx) => {
  // Only when both are well formed: their own issues are already reported.
  if (!schoolYearSchema.safeParse(p.year).success || !isValidIsoDate(p.closedOn)) return;
  if (!isDateInSchoolYear(p.closedOn, p.year)) {
    const { start, end } = schoolYearBounds(p.year);
    ctx.addIssue({
      code: 'custom',
      path: ['closedOn'],
      message:
        `date de fermeture « ${p.closedOn} » hors de l’année scolaire ${schoolYearLabel(p.year)} ` +
        `(du ${toFrenchDate(start)} au ${toFrenchDate(end)})`,
    });
  }
});
export type CloseClass = z.infer<typeof closeClassPayload>;

export const codeClassPayload = z.object({
  ...classRef,
  rectoratCode: z
    .string({ error: 'code rectorat invalide : une chaîne de caractères est attendue' })
    .trim()
    .min(1, 'le code rectorat est obligatoire')
    .max(RECTORAT_CODE_MAX, `code rectorat trop long : ${RECTORAT_CODE_MAX} caractères au plus`),
});
export type CodeClass = z.infer<typeof codeClassPayload>;

export const setClassContractPayload = z.object({
  ...classRef,
  contractType: z.enum(['association', 'simple', 'hors-contrat'], {
    error: 'type de contrat invalide : « association », « simple » ou « hors-contrat » est attendu',
  }),
});
export type SetClassContract = z.infer<typeof setClassContractPayload>;

export const setClassTypePayload = z.object({ ...classRef, classType: nomenclatureCode('type de classe') });
export type SetClassType = z.infer<typeof setClassTypePayload>;

export const assignFormationPayload = z.object({ ...classRef, formationCode: nomenclatureCode('code de formation') });
export type AssignFormation = z.infer<typeof assignFormationPayload>;

export const unassignFormationPayload = z.object({ ...classRef, formationCode: nomenclatureCode('code de formation') });
export type UnassignFormation = z.infer<typeof unassignFormationPayload>;
