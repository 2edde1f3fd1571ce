import { defineEvent, type EventData } from '@liaison/events';
import { z } from 'zod';
import { averageShape, electionModeShape, freeText, stsIdShape, subjectCodeShape } from './shapes';

/**
 * Events of what the year's livrets share, on `livretannee-<UAI>-<YYYY>` (see `streams.ts`).
 * Each one states what a record now is (a project, a class's statistics for a subject…).
 */

export const yearRef = {
  uai: z.string().regex(/^[0-9]{7}[A-Z]$/),
  year: z.number().int().min(2000).max(2100),
};

export const projectIdShape = z
  .string({ error: 'projet : un identifiant est attendu' })
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'projet : identifiant de 1 à 20 caractères A-Z, a-z, 0-9, - et _');

const discipline = z.object({ subjectCode: subjectCodeShape, electionMode: electionModeShape });

/**
 * An EPI (enseignement pratique interdisciplinaire, at least two subjects) or an AP
 * (accompagnement personnalisé) of the year, with its teachers: LSU's `epi` + `epi-groupe`
 * (or `acc-perso` + `acc-perso-groupe`), one group per project.
 */
export const projectFields = {
  projectId: projectIdShape,
  kind: z.enum(['epi', 'ap'], { error: 'projet : epi ou ap est attendu' }),
  title: freeText('intitulé du projet', 150),
  /** EPI only: a theme of the nomenclature (EPI_ART…) or the school's own, then with `themeLabel`. */
  theme: z.string().trim().min(1, 'thématique : ne peut pas être vide').max(50, 'thématique : 50 caractères au plus').optional(),
  themeLabel: freeText('libellé de la thématique', 100).optional(),
  description: freeText('description du projet', 600).optional(),
  disciplines: z.array(discipline).min(1, 'projet : au moins une discipline est attendue'),
  teachers: z
    .array(z.object({ stsId: stsIdShape, subjectCode: subjectCodeShape, electionMode: electionModeShape }))
    .min(1, 'projet : au moins un enseignant est attendu'),
  /** The group's comment (`epi-groupe/commentaire`). */
  comment: freeText('commentaire du projet', 600).optional(),
};
export const LivretProjectDeclared = defineEvent('LivretProjectDeclared', z.object({ ...yearRef, ...projectFields }));

/** A class's results in a subject (LSL `structure`): head-count, average, distribution in %. */
export const classStatisticsFields = {
  classCode: z.string().trim().min(1).max(20),
  subjectCode: subjectCodeShape,
  electionMode: electionModeShape,
  headcount: z.number().int().min(1, 'effectif : au moins 1').optional(),
  average: averageShape('moyenne de la classe').optional(),
  /** Percentages of pupils below 8, from 8 to 12, above 12. */
  below8: z.number().min(0).max(100).optional(),
  between8and12: z.number().min(0).max(100).optional(),
  above12: z.number().min(0).max(100).optional(),
};
export const LivretClassStatisticsRecorded = defineEvent(
  'LivretClassStatisticsRecorded',
  z.object({ ...yearRef, ...classStatisticsFields }),
);

/** The head of the establishment who signs the livrets (LSU `responsable-etab`). */
export const headFields = {
  civility: z.enum(['M', 'MME'], { error: 'civilité : M ou MME' }).optional(),
  lastName: freeText('nom du chef d’établissement', 60),
  firstName: freeText('prénom du chef d’établissement', 39),
};
export const LivretHeadDeclared = defineEvent('LivretHeadDeclared', z.object({ ...yearRef, ...headFields }));

export const LSU_SCHEMA_IDS = ['2020', '2019', '7.0'] as const;
export const LSL_SCHEMA_IDS = ['2016', '2015'] as const;
export type LsuSchemaId = (typeof LSU_SCHEMA_IDS)[number];
export type LslSchemaId = (typeof LSL_SCHEMA_IDS)[number];

/** The XSDs of the campaign (LSU FORMAT.md §2.5): kept per year, the default otherwise. */
export const schemaChoiceFields = {
  lsu: z.enum(LSU_SCHEMA_IDS, { error: `schéma LSU : ${LSU_SCHEMA_IDS.join(', ')} sont attendus` }).optional(),
  lsl: z.enum(LSL_SCHEMA_IDS, { error: `schéma LSL : ${LSL_SCHEMA_IDS.join(', ')} sont attendus` }).optional(),
};
export const LivretSchemasChosen = defineEvent('LivretSchemasChosen', z.object({ ...yearRef, ...schemaChoiceFields }));

export const yearEvents = [LivretProjectDeclared, LivretClassStatisticsRecorded, LivretHeadDeclared, LivretSchemasChosen];

export type LivretProjectDeclaredData = EventData<typeof LivretProjectDeclared>;
export type LivretClassStatisticsRecordedData = EventData<typeof LivretClassStatisticsRecorded>;
export type LivretHeadDeclaredData = EventData<typeof LivretHeadDeclared>;
export type LivretSchemasChosenData = EventData<typeof LivretSchemasChosen>;
