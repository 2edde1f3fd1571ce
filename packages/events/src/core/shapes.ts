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
