import { z } from 'zod';

export type IneKind = 'rnie' | 'bea' | 'apprenti' | 'unknown';

export interface IneInspection {
  kind: IneKind;
  /** False only when the value cannot be an INE or carries a wrong key. */
  valid: boolean;
  /** Why it is invalid, or a warning when it is accepted without a key check. */
  message?: string;
}

// Same alphabet as the UAI key: no I, O or Q.
const ALPHA23 = 'ABCDEFGHJKLMNPRSTUVWXYZ';
// RNIE keys are digits written as letters; I is skipped, so J stands for 8 and K for 9.
const LETTER_DIGITS = 'ABCDEFGHJK';

const RNIE_SHAPE = /^[0-9]{9}[A-HJK]{2}$/;
const BEA_SHAPE = /^[0-9]{10}[A-Z]$/;
const APPRENTI_SHAPE = /^[0-9]{4}A[0-9]{5}[A-Z]$/;
const INE_CHARSET = /^[A-Za-z0-9]{1,20}$/;

function rnieKey(nineDigits: string): string {
  // 1..97 rather than 0..96, so the key is never "AA".
  const key = 97 - (Number(nineDigits) % 97);
  return LETTER_DIGITS.charAt(Math.floor(key / 10)) + LETTER_DIGITS.charAt(key % 10);
}

function beaLetter(tenDigits: string): string {
  // 10 digits stay below 2^53, so plain numbers are exact here.
  return ALPHA23.charAt(Number(tenDigits) % 23);
}

/**
 * Tells which INE family a value looks like and whether its key holds. Values nobody can check
 * (apprentice numbers, unknown formats) are accepted with a warning: the rectorat issues them,
 * so refusing them would block real pupils.
 */
export function inspectIne(value: string): IneInspection {
  if (!INE_CHARSET.test(value)) {
    return {
      kind: 'unknown',
      valid: false,
      message: `INE « ${value} » invalide : 1 à 20 caractères parmi A-Z, a-z et 0-9 sont attendus`,
    };
  }
  if (RNIE_SHAPE.test(value)) {
    const expected = rnieKey(value.slice(0, 9));
    return value.slice(9) === expected
      ? { kind: 'rnie', valid: true }
      : { kind: 'rnie', valid: false, message: `INE « ${value} » invalide : la clé INE-RNIE attendue est « ${expected} »` };
  }
  if (BEA_SHAPE.test(value)) {
    const expected = beaLetter(value.slice(0, 10));
    return value.charAt(10) === expected
      ? { kind: 'bea', valid: true }
      : { kind: 'bea', valid: false, message: `INE « ${value} » invalide : la lettre clé INE-BEA attendue est « ${expected} »` };
  }
  if (APPRENTI_SHAPE.test(value)) {
    return {
      kind: 'apprenti',
      valid: true,
      message: `INE « ${value} » au format apprenti : sa clé ne peut pas être vérifiée`,
    };
  }
  return {
    kind: 'unknown',
    valid: true,
    message: `INE « ${value} » de format inconnu : ni INE-RNIE (9 chiffres + 2 lettres) ni INE-BEA (10 chiffres + 1 lettre)`,
  };
}

/** The warning to show for an accepted INE whose key could not be checked. */
export function ineWarning(value: string): string | undefined {
  const inspection = inspectIne(value);
  return inspection.valid ? inspection.message : undefined;
}

export const ineSchema = z.string({ error: 'INE invalide : une chaîne de caractères est attendue' }).superRefine((value, ctx) => {
  const inspection = inspectIne(value);
  if (!inspection.valid) ctx.addIssue({ code: 'custom', message: inspection.message ?? `INE « ${value} » invalide` });
});
