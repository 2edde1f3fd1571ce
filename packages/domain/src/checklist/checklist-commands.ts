import { z } from 'zod';
import { isoDateSchema, schoolYearSchema, uaiSchema } from '../values';

export const checklistStepIdSchema = z
  .string({ error: 'étape invalide : une chaîne de caractères est attendue' })
  .trim()
  .regex(
    /^[a-z][a-z0-9-]*:[0-9a-z]+$/,
    'étape invalide : « <plugin>:<numéro> » est attendu (ex. « second-degree-siecle:7 », « first-degree-onde:3b »)',
  );

const stepRef = { uai: uaiSchema, year: schoolYearSchema, stepId: checklistStepIdSchema };

export const tickChecklistStepPayload = z.object({ ...stepRef, doneOn: isoDateSchema });
export type TickChecklistStep = z.infer<typeof tickChecklistStepPayload>;

/** `occurrence`: the rank (from 1) of the tick to take back among the step's ticks; default the last. */
export const untickChecklistStepPayload = z.object({
  ...stepRef,
  occurrence: z
    .number({ error: 'occurrence invalide : un entier à partir de 1 est attendu' })
    .int('occurrence invalide : un entier à partir de 1 est attendu')
    .positive('occurrence invalide : un entier à partir de 1 est attendu')
    .optional(),
});
export type UntickChecklistStep = z.infer<typeof untickChecklistStepPayload>;
