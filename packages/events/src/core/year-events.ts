import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { formationEntryShape, nomenclatureEntryShape, schoolYearShape, uaiShape } from './shapes';

export const YearOpened = defineEvent(
  'YearOpened',
  z.object({
    uai: uaiShape,
    year: schoolYearShape,
  }),
);

const declared = <T extends z.ZodType>(entry: T) =>
  z.object({
    uai: uaiShape,
    year: schoolYearShape,
    /** What declared them: a shipped default or an imported file. */
    source: z.string().min(1),
    /** Only the entries added or changed by this declaration. */
    entries: z.array(entry).min(1),
  });

/** Formations (levels or MEFs) the year may use. */
export const FormationsDeclared = defineEvent('FormationsDeclared', declared(formationEntryShape));
/** Living languages of the year's nomenclature. */
export const LanguagesDeclared = defineEvent('LanguagesDeclared', declared(nomenclatureEntryShape));
/** Class types of the year's nomenclature. */
export const ClassTypesDeclared = defineEvent('ClassTypesDeclared', declared(nomenclatureEntryShape));
