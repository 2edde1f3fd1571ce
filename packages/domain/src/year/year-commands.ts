import { z } from 'zod';
import { schoolYearSchema, uaiSchema } from '../values';

export const openYearPayload = z.object({
  uai: uaiSchema,
  year: schoolYearSchema,
});
export type OpenYear = z.infer<typeof openYearPayload>;

const CODE_MAX = 40;
const LABEL_MAX = 200;

const entryCode = z
  .string({ error: 'code invalide : une chaîne de caractères est attendue' })
  .trim()
  .min(1, 'le code est obligatoire')
  .max(CODE_MAX, `code trop long : ${CODE_MAX} caractères au plus`);
const entryLabel = z
  .string({ error: 'libellé invalide : une chaîne de caractères est attendue' })
  .trim()
  .min(1, 'le libellé est obligatoire')
  .max(LABEL_MAX, `libellé trop long : ${LABEL_MAX} caractères au plus`);

/** One code of a nomenclature as an importer declares it; `attributes` keeps format-specific extras. */
export const nomenclatureEntryPayload = z.object({
  code: entryCode,
  label: entryLabel,
  attributes: z.record(z.string(), z.string()).optional(),
});

/** A formation: a first-degree level with its cycle, or a MEF (no cycle). */
export const formationEntryPayload = nomenclatureEntryPayload.extend({
  cycle: z.string().trim().min(1, 'le cycle, quand il est donné, ne peut pas être vide').optional(),
});

/** A non-empty list in which each code appears once. */
const entryList = <T extends z.ZodType<{ code: string }>>(entry: T, none: string) =>
  z
    .array(entry, { error: 'liste d’entrées invalide : un tableau est attendu' })
    .min(1, `la déclaration ne contient ${none} : au moins une entrée est attendue`)
    .superRefine((entries, ctx) => {
      const firstIndex = new Map<string, number>();
      entries.forEach((entry, index) => {
        const first = firstIndex.get(entry.code);
        if (first === undefined) {
          firstIndex.set(entry.code, index);
        } else {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'code'],
            message: `code « ${entry.code} » déclaré deux fois (entrées ${first + 1} et ${index + 1})`,
          });
        }
      });
    });

const declaration = <T extends z.ZodType<{ code: string }>>(entry: T, none: string) =>
  z.object({
    uai: uaiSchema,
    year: schoolYearSchema,
    /** What declares them: a shipped default or an imported file (e.g. "onde.formations:défaut"). */
    source: z
      .string({ error: 'source invalide : une chaîne de caractères est attendue' })
      .trim()
      .min(1, 'la source de la nomenclature est obligatoire'),
    entries: entryList(entry, none),
  });

export const declareFormationsPayload = declaration(formationEntryPayload, 'aucune formation');
export type DeclareFormations = z.infer<typeof declareFormationsPayload>;

export const declareLanguagesPayload = declaration(nomenclatureEntryPayload, 'aucune langue');
export type DeclareLanguages = z.infer<typeof declareLanguagesPayload>;

export const declareClassTypesPayload = declaration(nomenclatureEntryPayload, 'aucun type de classe');
export type DeclareClassTypes = z.infer<typeof declareClassTypesPayload>;
