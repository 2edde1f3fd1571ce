import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { isoDateShape, schoolYearShape, uaiShape } from './shapes';

/** `<plugin id>:<step>`, e.g. `second-degree-siecle:7`, `first-degree-onde:3b`. */
const stepIdShape = z.string().regex(/^[a-z][a-z0-9-]*:[0-9a-z]+$/);

/**
 * A user says a step of the year's checklist was done (outside Liaison: in STS-web, SIECLE,
 * ONDE), on `doneOn`. The actor is in the metadata. On `checklist-<UAI>-<YYYY>`.
 */
export const ChecklistStepTicked = defineEvent(
  'ChecklistStepTicked',
  z.object({ uai: uaiShape, year: schoolYearShape, stepId: stepIdShape, doneOn: isoDateShape }),
);

/**
 * A tick taken back. `occurrence` is the 1-based rank of the withdrawn tick among the step's
 * standing ticks, resolved by the decider (the command's default is the last one), and
 * `doneOn` the date that tick carried, so the history reads without folding.
 */
export const ChecklistStepUnticked = defineEvent(
  'ChecklistStepUnticked',
  z.object({
    uai: uaiShape,
    year: schoolYearShape,
    stepId: stepIdShape,
    occurrence: z.number().int().positive().optional(),
    doneOn: isoDateShape.optional(),
  }),
);
