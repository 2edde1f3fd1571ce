import { z } from 'zod';

// Ids chosen by callers end up in URLs, file names and CLI arguments, hence the narrow alphabet.
const ENTITY_ID_SHAPE = /^[A-Za-z0-9_-]{1,20}$/;
const CONTROL_CHARACTER = /\p{Cc}/u;
const CLASS_CODE_MAX = 20;

export const entityIdSchema = z
  .string({ error: 'identifiant invalide : une chaîne de caractères est attendue' })
  .superRefine((value, ctx) => {
    if (!ENTITY_ID_SHAPE.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `identifiant « ${value} » invalide : 1 à 20 caractères parmi A-Z, a-z, 0-9, - et _`,
      });
    }
  });

/** A class code as the school writes it ("6e A", "TS-2"); surrounding spaces are dropped. */
export const classCodeSchema = z
  .string({ error: 'code de classe invalide : une chaîne de caractères est attendue' })
  .trim()
  .superRefine((value, ctx) => {
    if (value.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'code de classe invalide : il ne peut pas être vide' });
    } else if (CONTROL_CHARACTER.test(value)) {
      // The value is not echoed: control characters would garble the message itself.
      ctx.addIssue({ code: 'custom', message: 'code de classe invalide : les caractères de contrôle sont interdits' });
    } else if ([...value].length > CLASS_CODE_MAX) {
      ctx.addIssue({
        code: 'custom',
        message: `code de classe « ${value} » invalide : ${CLASS_CODE_MAX} caractères au plus`,
      });
    }
  });
