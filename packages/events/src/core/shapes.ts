import { z } from 'zod';

/**
 * Shapes shared by core event payloads. They check form only (the domain checks meaning, such
 * as a UAI's check letter) so that a stored event always parses, whatever rule later changes.
 * Codes and identifiers are strings: leading zeros are data.
 */
export const uaiShape = z.string().regex(/^\d{7}[A-Z]$/);
export const schoolYearShape = z.number().int().min(1900).max(2999);
export const isoDateShape = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const codeShape = z.string().min(1).max(40);
export const degreeShape = z.enum(['first', 'second']);
export const contractShape = z.enum(['association', 'simple', 'hors-contrat']);
export const entityIdShape = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/);
export const classCodeShape = z.string().min(1).max(20);
export const sexShape = z.enum(['M', 'F']);

/** Where a pupil was born; INSEE codes as strings (`country` "100" = France). */
export const birthPlaceShape = z.object({
  country: z.string().min(1),
  department: z.string().min(1).optional(),
  communeCode: z.string().min(1).optional(),
  city: z.string().min(1).optional(),
});

/** Where the pupil was last year; `provenance` is SIECLE's CODE_PROVENANCE (1-8). */
export const previousSchoolShape = z.object({
  uai: z.string().min(1).optional(),
  department: z.string().min(1).optional(),
  provenance: z.string().min(1).optional(),
  formationCode: z.string().min(1).optional(),
  classCode: z.string().min(1).optional(),
});

export const addressShape = z.object({
  line1: z.string().min(1),
  line2: z.string().min(1).optional(),
  postalCode: z.string().min(1).optional(),
  commune: z.string().min(1),
  country: z.string().min(1),
});

/** The person of a guardian, kept on the guardian's own stream and shared by siblings. */
export const guardianPersonShape = z.object({
  civility: z.enum(['M.', 'MME']),
  lastName: z.string().min(1),
  firstName: z.string().min(1),
  usageName: z.string().min(1).optional(),
  address: addressShape,
  phone: z.string().min(1).optional(),
  mobile: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  profession: z.string().min(1).optional(),
});

/** The link between a guardian and one child, kept on the pupil's stream. */
export const guardianRelationShape = z.object({
  link: z.string().min(1),
  legalLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  parentalAuthority: z.boolean(),
  livesWith: z.boolean().optional(),
});

/** One entry of a year's nomenclature; `attributes` keeps format-specific extras as strings. */
export const nomenclatureEntryShape = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  attributes: z.record(z.string(), z.string()).optional(),
});

export const formationEntryShape = nomenclatureEntryShape.extend({
  /** First degree: the cycle ("1", "2", "3"); second degree: absent. */
  cycle: z.string().min(1).optional(),
});
