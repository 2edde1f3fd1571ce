import { z } from 'zod';
import { schoolYearSchema, uaiSchema } from '../values';

export const openYearPayload = z.object({
  uai: uaiSchema,
  year: schoolYearSchema,
});
export type OpenYear = z.infer<typeof openYearPayload>;
