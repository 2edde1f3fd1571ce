import { z } from 'zod';
import { InvalidValueError } from '../errors';

// The check alphabet drops I, O and Q so a key letter is never mistaken for a digit.
const ALPHA23 = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const SEVEN_DIGITS = /^[0-9]{7}$/;
const UAI_SHAPE = /^[0-9]{7}[A-Z]$/;

/** The key letter the rectorat computes for the 7 digits of a UAI. */
export function uaiCheckLetter(sevenDigits: string): string {
  if (!SEVEN_DIGITS.test(sevenDigits)) {
    throw new InvalidValueError(`UAI : 7 chiffres sont attendus pour calculer la lettre clé, reçu « ${sevenDigits} »`);
  }
  // 7 digits stay far below 2^53, so plain numbers are exact here.
  return ALPHA23.charAt(Number(sevenDigits) % 23);
}

/** Returns undefined for a valid UAI, otherwise the reason in French. */
export function checkUai(value: string): string | undefined {
  if (!UAI_SHAPE.test(value)) {
    return `UAI « ${value} » invalide : 7 chiffres suivis d'une lettre majuscule sont attendus (ex. 0750680G)`;
  }
  const expected = uaiCheckLetter(value.slice(0, 7));
  if (value.charAt(7) !== expected) {
    return `UAI « ${value} » invalide : la lettre clé attendue est « ${expected} »`;
  }
  return undefined;
}

export function isValidUai(value: string): boolean {
  return checkUai(value) === undefined;
}

export const uaiSchema = z.string({ error: 'UAI invalide : une chaîne de caractères est attendue' }).superRefine((value, ctx) => {
  const reason = checkUai(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
});
