import { z } from 'zod';
import { guardianCorrectionSchema, guardianSchema, inseeCountrySchema, textSchema } from '../guardian/guardian-commands';
import { classCodeSchema, entityIdSchema, ineSchema, isoDateSchema, schoolYearSchema, uaiSchema } from '../values';
import { exitMotiveSchema } from '../values/exit-motives';

const pupilRef = { uai: uaiSchema, pupilId: entityIdSchema };
const pupilYearRef = { ...pupilRef, year: schoolYearSchema };

const departmentSchema = z
  .string({ error: 'département invalide : une chaîne de caractères est attendue' })
  .trim()
  .regex(
    /^(?:[0-9]{2,3}|0?2[AB])$/,
    'département invalide : un code INSEE de département est attendu (ex. « 075 », « 02A », « 974 »)',
  );

const communeCodeSchema = z
  .string({ error: 'code commune invalide : une chaîne de caractères est attendue' })
  .trim()
  .regex(/^[0-9][0-9AB][0-9]{3}$/, 'code commune invalide : un code INSEE de commune à 5 caractères est attendu (ex. « 75056 »)');

/** A formation code: a first-degree level (`CP`) or an 11-digit MEF; the year's nomenclature says which exist. */
export const formationCodeSchema = textSchema('code de formation', 40);
/** A language code of the year's language nomenclature (`ENG`, `GER`, …). */
export const languageCodeSchema = textSchema('code de langue', 20);

export const birthPlaceSchema = z
  .object({
    country: inseeCountrySchema,
    department: departmentSchema.optional(),
    communeCode: communeCodeSchema.optional(),
    city: textSchema('ville de naissance', 100).optional(),
  })
  .superRefine((place, ctx) => {
    if (place.country !== '100' && place.city === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['city'],
        message: 'la ville de naissance est obligatoire pour une naissance à l’étranger',
      });
    }
  });

export const previousSchoolSchema = z.object({
  uai: uaiSchema.optional(),
  department: departmentSchema.optional(),
  provenance: z
    .string({ error: 'provenance invalide : une chaîne de caractères est attendue' })
    .trim()
    .regex(/^[1-8]$/, 'provenance invalide : un code CODE_PROVENANCE de 1 à 8 est attendu')
    .optional(),
  formationCode: formationCodeSchema.optional(),
  classCode: classCodeSchema.optional(),
});

const identityFields = {
  lastName: textSchema('nom', 100),
  firstName: textSchema('prénom', 100),
  sex: z.enum(['M', 'F'], { error: 'sexe invalide : « M » ou « F » est attendu' }),
  birthDate: isoDateSchema,
  usageName: textSchema('nom d’usage', 100).optional(),
  firstName2: textSchema('deuxième prénom', 100).optional(),
  firstName3: textSchema('troisième prénom', 100).optional(),
  birthPlace: birthPlaceSchema.optional(),
  nationality: inseeCountrySchema.optional(),
  previousSchool: previousSchoolSchema.optional(),
};

const distinctGuardians = (guardians: readonly { guardianId: string }[] | undefined, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  for (const [index, g] of (guardians ?? []).entries()) {
    if (seen.has(g.guardianId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['guardians', index, 'guardianId'],
        message: `le responsable ${g.guardianId} figure deux fois`,
      });
    }
    seen.add(g.guardianId);
  }
};

export const registerPupilPayload = z
  .object({ ...pupilRef, ...identityFields, guardians: z.array(guardianSchema).optional() })
  .superRefine((p, ctx) => distinctGuardians(p.guardians, ctx));
export type RegisterPupil = z.infer<typeof registerPupilPayload>;

/** `uai, pupilId` + the identity fields that change; `null` clears an optional one. */
export const correctPupilIdentityPayload = z
  .strictObject({
    ...pupilRef,
    lastName: identityFields.lastName.optional(),
    firstName: identityFields.firstName.optional(),
    sex: identityFields.sex.optional(),
    birthDate: identityFields.birthDate.optional(),
    usageName: identityFields.usageName.nullable(),
    firstName2: identityFields.firstName2.nullable(),
    firstName3: identityFields.firstName3.nullable(),
    birthPlace: identityFields.birthPlace.nullable(),
    nationality: identityFields.nationality.nullable(),
    previousSchool: identityFields.previousSchool.nullable(),
  })
  .refine((p) => Object.entries(p).some(([k, v]) => k !== 'uai' && k !== 'pupilId' && v !== undefined), {
    message: 'au moins un champ d’identité à corriger est attendu',
  });
export type CorrectPupilIdentity = z.infer<typeof correctPupilIdentityPayload>;

export const addGuardianPayload = z.object({ ...pupilRef, guardian: guardianSchema });
export type AddGuardian = z.infer<typeof addGuardianPayload>;

export const correctGuardianPayload = z.object({ ...pupilRef, guardian: guardianCorrectionSchema });
export type CorrectGuardian = z.infer<typeof correctGuardianPayload>;

/**
 * `uai, pupilId, guardianId`. PRODUCT.md's table may also be read as `guardian: { guardianId }`
 * (or `guardian: "<id>"`): each is accepted and normalised to `guardianId`.
 */
export const removeGuardianPayload = z
  .object({
    ...pupilRef,
    guardianId: entityIdSchema.optional(),
    guardian: z.union([entityIdSchema, z.object({ guardianId: entityIdSchema })]).optional(),
  })
  .superRefine((p, ctx) => {
    const nested = typeof p.guardian === 'string' ? p.guardian : p.guardian?.guardianId;
    if (p.guardianId === undefined && nested === undefined) {
      ctx.addIssue({ code: 'custom', path: ['guardianId'], message: 'le responsable à retirer (guardianId) est obligatoire' });
    } else if (p.guardianId !== undefined && nested !== undefined && nested !== p.guardianId) {
      ctx.addIssue({
        code: 'custom',
        path: ['guardian'],
        message: 'guardianId et guardian désignent deux responsables différents',
      });
    }
  })
  .transform((p) => ({
    uai: p.uai,
    pupilId: p.pupilId,
    guardianId: (p.guardianId ?? (typeof p.guardian === 'string' ? p.guardian : p.guardian?.guardianId)) as string,
  }));
export type RemoveGuardian = z.infer<typeof removeGuardianPayload>;

export const preEnrolPupilPayload = z.object({
  ...pupilYearRef,
  classCode: classCodeSchema.optional(),
  formationCode: formationCodeSchema.optional(),
});
export type PreEnrolPupil = z.infer<typeof preEnrolPupilPayload>;

export const setPupilLanguagesPayload = z
  .object({ ...pupilYearRef, lv1: languageCodeSchema, lv2: languageCodeSchema.optional() })
  .refine((p) => p.lv2 === undefined || p.lv2 !== p.lv1, { path: ['lv2'], message: 'la LV2 doit être différente de la LV1' });
export type SetPupilLanguages = z.infer<typeof setPupilLanguagesPayload>;

export const setPupilDispositifsPayload = z
  .object({
    ...pupilYearRef,
    dispositifs: z.array(textSchema('dispositif', 20), {
      error: 'dispositifs : une liste est attendue (ex. ["ULIS"], [] pour aucun)',
    }),
  })
  .refine((p) => new Set(p.dispositifs).size === p.dispositifs.length, {
    path: ['dispositifs'],
    message: 'un dispositif figure deux fois',
  });
export type SetPupilDispositifs = z.infer<typeof setPupilDispositifsPayload>;

const schoolingCode = (label: string) => textSchema(label, 10);

export const setPupilSchoolingPayload = z
  .object({
    ...pupilYearRef,
    regime: schoolingCode('régime').optional(),
    statut: schoolingCode('statut').optional(),
    transport: z.boolean({ error: 'transport : vrai ou faux est attendu' }).optional(),
    doublement: z.boolean({ error: 'doublement : vrai ou faux est attendu' }).optional(),
  })
  .refine((p) => [p.regime, p.statut, p.transport, p.doublement].some((v) => v !== undefined), {
    message: 'au moins un champ parmi regime, statut, transport et doublement est attendu',
  });
export type SetPupilSchooling = z.infer<typeof setPupilSchoolingPayload>;

export const enrolPupilPayload = z.object({
  ...pupilYearRef,
  classCode: classCodeSchema,
  entryDate: isoDateSchema,
  formationCode: formationCodeSchema.optional(),
});
export type EnrolPupil = z.infer<typeof enrolPupilPayload>;

export const changePupilClassPayload = z.object({ ...pupilYearRef, classCode: classCodeSchema, date: isoDateSchema });
export type ChangePupilClass = z.infer<typeof changePupilClassPayload>;

/**
 * `classCode` is optional and not in PRODUCT.md's table: a command's context streams are named
 * from its payload alone, so the pupil's class formations can only be checked when the caller
 * names the class (it must be the pupil's class that year).
 */
export const setPupilFormationPayload = z.object({
  ...pupilYearRef,
  formationCode: formationCodeSchema,
  classCode: classCodeSchema.optional(),
});
export type SetPupilFormation = z.infer<typeof setPupilFormationPayload>;

export const exitPupilPayload = z.object({ ...pupilYearRef, exitDate: isoDateSchema, motive: exitMotiveSchema });
export type ExitPupil = z.infer<typeof exitPupilPayload>;

export const planNextYearPayload = z
  .object({
    ...pupilYearRef,
    decision: z.enum(['passage', 'redoublement', 'sortie'], {
      error: 'décision invalide : « passage », « redoublement » ou « sortie » est attendu',
    }),
    formationCode: formationCodeSchema.optional(),
    classCode: classCodeSchema.optional(),
    motive: exitMotiveSchema.optional(),
    exitDate: isoDateSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.decision === 'sortie') {
      for (const field of ['formationCode', 'classCode'] as const) {
        if (p[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'sans objet pour une sortie' });
      }
    } else {
      for (const field of ['motive', 'exitDate'] as const) {
        if (p[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'réservé à une décision « sortie »' });
      }
    }
  });
export type PlanNextYear = z.infer<typeof planNextYearPayload>;

export const assignNationalIdPayload = z.object({
  ...pupilRef,
  // INE letters are capitals; a pasted lower-case INE is the same number.
  ine: z.string({ error: 'INE invalide : une chaîne de caractères est attendue' }).trim().toUpperCase().pipe(ineSchema),
});
export type AssignNationalId = z.infer<typeof assignNationalIdPayload>;

export const setPupilSiecleIdPayload = z.object({
  ...pupilRef,
  eleveId: z
    .string({ error: 'ELEVE_ID invalide : une chaîne de caractères est attendue' })
    .trim()
    .regex(/^[0-9]{1,12}$/, 'ELEVE_ID invalide : l’identifiant SIECLE de l’élève est un nombre (1 à 12 chiffres)'),
});
export type SetPupilSiecleId = z.infer<typeof setPupilSiecleIdPayload>;
