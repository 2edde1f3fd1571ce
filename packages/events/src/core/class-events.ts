import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { classCodeShape, contractShape, isoDateShape, schoolYearShape, uaiShape } from './shapes';

const classRef = { uai: uaiShape, year: schoolYearShape, classCode: classCodeShape };

export const ClassCreated = defineEvent('ClassCreated', z.object({ ...classRef, label: z.string().min(1) }));
export const ClassRenamed = defineEvent('ClassRenamed', z.object({ ...classRef, label: z.string().min(1) }));
export const ClassClosed = defineEvent('ClassClosed', z.object({ ...classRef, closedOn: isoDateShape }));
export const ClassCoded = defineEvent('ClassCoded', z.object({ ...classRef, rectoratCode: z.string().min(1).max(8) }));
export const ClassContractSet = defineEvent('ClassContractSet', z.object({ ...classRef, contractType: contractShape }));
export const ClassTypeSet = defineEvent('ClassTypeSet', z.object({ ...classRef, classType: z.string().min(1) }));
export const FormationAssigned = defineEvent('FormationAssigned', z.object({ ...classRef, formationCode: z.string().min(1) }));
export const FormationUnassigned = defineEvent(
  'FormationUnassigned',
  z.object({ ...classRef, formationCode: z.string().min(1) }),
);
