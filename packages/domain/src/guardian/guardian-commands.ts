import { z } from 'zod';
import { entityIdSchema, uaiSchema } from '../values';
import { guardianLegalLevelSchema, guardianLinkSchema } from '../values/guardian-links';

/** Trimmed, non-empty text of bounded length, with French messages. */
export const textSchema = (label: string, max: number) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} : obligatoire` : `${label} : une chaîne de caractères est attendue`,
    })
    .trim()
    .min(1, `${label} : ne peut pas être vide`)
    .max(max, `${label} : ${max} caractères au plus`);

/** An INSEE country code, as SIECLE writes it ("100" = France, "134" = Espagne). */
export const inseeCountrySchema = z
  .string({ error: 'code pays invalide : une chaîne de caractères est attendue' })
  .trim()
  .regex(/^[0-9]{3}$/, 'code pays invalide : un code pays INSEE à 3 chiffres est attendu (ex. « 100 » pour la France)');

export const civilitySchema = z.enum(['M.', 'MME'], { error: 'civilité invalide : « M. » ou « MME » est attendu' });

export const addressSchema = z.object(
  {
    line1: textSchema('adresse', 100),
    line2: textSchema('complément d’adresse', 100).optional(),
    postalCode: textSchema('code postal', 10).optional(),
    commune: textSchema('commune', 100),
    country: inseeCountrySchema,
  },
  { error: 'adresse : un objet { line1, line2?, postalCode?, commune, country } est attendu' },
);

const phoneSchema = (label: string) =>
  textSchema(label, 30).regex(/^[0-9+().\s-]+$/, `${label} : seuls les chiffres, les espaces et + . - ( ) sont acceptés`);

const emailSchema = textSchema('courriel', 254).regex(
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  'courriel invalide : une adresse de la forme nom@domaine.fr est attendue',
);

/** A PCS code (SIECLE's CODE_PROFESSION), 2 digits. */
const professionSchema = z
  .string({ error: 'profession invalide : une chaîne de caractères est attendue' })
  .trim()
  .regex(/^[0-9]{2}$/, 'profession invalide : un code PCS à 2 chiffres est attendu (ex. « 99 » non renseignée)');

/** Person fields of a guardian: kept on the guardian's own stream. */
export const guardianPersonFields = {
  civility: civilitySchema,
  lastName: textSchema('nom', 100),
  firstName: textSchema('prénom', 100),
  usageName: textSchema('nom d’usage', 100).optional(),
  address: addressSchema,
  phone: phoneSchema('téléphone').optional(),
  mobile: phoneSchema('téléphone portable').optional(),
  email: emailSchema.optional(),
  profession: professionSchema.optional(),
};

/** Relation fields: the link between the guardian and one pupil, kept on the pupil's stream. */
export const guardianRelationFields = {
  link: guardianLinkSchema,
  legalLevel: guardianLegalLevelSchema,
  parentalAuthority: z.boolean({ error: 'autorité parentale : vrai ou faux est attendu' }),
  livesWith: z.boolean({ error: 'vit avec l’élève : vrai ou faux est attendu' }).optional(),
};

/** A guardian as commands carry it: the person and the relation to the pupil. */
export const guardianSchema = z.object({
  guardianId: entityIdSchema,
  ...guardianPersonFields,
  ...guardianRelationFields,
});
export type GuardianInput = z.infer<typeof guardianSchema>;

/**
 * A correction: `guardianId` plus the fields that change. `null` clears an optional person
 * field. Unknown keys are refused, so a misspelt field is not silently dropped.
 */
export const guardianCorrectionSchema = z
  .strictObject({
    guardianId: entityIdSchema,
    civility: civilitySchema.optional(),
    lastName: guardianPersonFields.lastName.optional(),
    firstName: guardianPersonFields.firstName.optional(),
    usageName: guardianPersonFields.usageName.nullable(),
    address: addressSchema.optional(),
    phone: guardianPersonFields.phone.nullable(),
    mobile: guardianPersonFields.mobile.nullable(),
    email: guardianPersonFields.email.nullable(),
    profession: guardianPersonFields.profession.nullable(),
    link: guardianLinkSchema.optional(),
    legalLevel: guardianLegalLevelSchema.optional(),
    parentalAuthority: guardianRelationFields.parentalAuthority.optional(),
    livesWith: guardianRelationFields.livesWith,
  })
  .refine((g) => Object.keys(g).some((k) => k !== 'guardianId' && g[k as keyof typeof g] !== undefined), {
    message: 'au moins un champ à corriger est attendu en plus de guardianId',
  });
export type GuardianCorrectionInput = z.infer<typeof guardianCorrectionSchema>;

export const setGuardianSiecleIdPayload = z.object({
  uai: uaiSchema,
  guardianId: entityIdSchema,
  personneId: z
    .string({ error: 'PERSONNE_ID invalide : une chaîne de caractères est attendue' })
    .trim()
    .regex(/^[0-9]{1,12}$/, 'PERSONNE_ID invalide : l’identifiant SIECLE du responsable est un nombre (1 à 12 chiffres)'),
});
export type SetGuardianSiecleId = z.infer<typeof setGuardianSiecleIdPayload>;
