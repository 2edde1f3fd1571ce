import { z } from 'zod';
import { uaiSchema } from '../values';

export const registerEstablishmentPayload = z.object({
  uai: uaiSchema,
  name: z.string().trim().min(1, 'le nom de l’établissement est obligatoire').max(120),
  degree: z.enum(['first', 'second']),
  contract: z.enum(['association', 'simple', 'hors-contrat']),
});
export type RegisterEstablishment = z.infer<typeof registerEstablishmentPayload>;

export const setExchangeModePayload = z.object({
  uai: uaiSchema,
  mode: z.enum(['files', 'web-service'], {
    error: 'mode d’échange invalide : « files » (fichiers) ou « web-service » (service web) est attendu',
  }),
});
export type SetExchangeMode = z.infer<typeof setExchangeModePayload>;
