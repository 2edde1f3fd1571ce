import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { schoolYearShape, uaiShape } from './shapes';

export const YearOpened = defineEvent(
  'YearOpened',
  z.object({
    uai: uaiShape,
    year: schoolYearShape,
  }),
);
