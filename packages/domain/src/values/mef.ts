import { z } from 'zod';

// Only the shape is checked: the digits encode level and specialty in ways the ministry
// changes without notice, so the nomenclature, not this code, says what a MEF means.
const MEF_SHAPE = /^[0-9]{11}$/;

export function isMefCode(value: string): boolean {
  return MEF_SHAPE.test(value);
}

export const mefSchema = z
  .string({ error: 'code MEF invalide : une chaîne de caractères est attendue' })
  .superRefine((value, ctx) => {
    if (!isMefCode(value)) ctx.addIssue({ code: 'custom', message: `code MEF « ${value} » invalide : 11 chiffres attendus` });
  });
