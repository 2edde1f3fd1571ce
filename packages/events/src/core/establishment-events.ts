import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { contractShape, degreeShape, uaiShape } from './shapes';

export const EstablishmentRegistered = defineEvent(
  'EstablishmentRegistered',
  z.object({
    uai: uaiShape,
    name: z.string().min(1),
    degree: degreeShape,
    contract: contractShape,
  }),
);

/** How the establishment exchanges pupils with SIECLE: files (default) or the web service. */
export const ExchangeModeSet = defineEvent(
  'ExchangeModeSet',
  z.object({ uai: uaiShape, mode: z.enum(['files', 'web-service']) }),
);
