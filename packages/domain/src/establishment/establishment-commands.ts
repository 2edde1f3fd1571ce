import { z } from 'zod';
import { uaiSchema } from '../values';

export const registerEstablishmentPayload = z.object({
  uai: uaiSchema,
  name: z.string().trim().min(1, 'le nom de l’établissement est obligatoire').max(120),
  degree: z.enum(['first', 'second']),
  contract: z.enum(['association', 'simple', 'hors-contrat']),
});
export type RegisterEstablishment = z.infer<typeof registerEstablishmentPayload>;
