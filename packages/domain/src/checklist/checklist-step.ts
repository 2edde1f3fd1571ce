import { type RecordedEvent } from '@liaison/events';
import { type ExchangeMode } from '../establishment/establishment-state';

/**
 * The windows of the seed's « A FAIRE » column (PRODUCT.md, "Checklists"). Only some have a
 * due date (`dueDateOf`); the others say when, not by when.
 */
export const CHECKLIST_WINDOWS = Object.freeze([
  'Dès que possible',
  'Informations à lire',
  'Avant début juillet',
  'Après la bascule d’année',
  'Avant le 14 juillet',
  'Avant la rentrée',
  'Début septembre',
  'Après envoi EVA',
  'De la mi-septembre à fin mai',
] as const);

export type ChecklistWindow = (typeof CHECKLIST_WINDOWS)[number];

/**
 * Which recorded events complete a step. `eventTypes` lets the server read only those events
 * of the establishment (a checklist must not scan the whole log); `matches` then decides, for
 * the checklist of `checklistYear`, whether one of them is a completion.
 */
export interface ChecklistCompletion {
  readonly eventTypes: readonly string[];
  matches(event: RecordedEvent, checklistYear: number): boolean;
  /** What completes the step, in French, for the screen: « import de Nomenclature.xml ». */
  readonly description: string;
}

/** One step of a degree's yearly procedure, as the plugin that owns it declares it. */
export interface ChecklistStep {
  /** `<plugin id>:<step>`: `second-degree-siecle:7`, `first-degree-onde:3b`. */
  readonly id: string;
  /** Rank in the merged checklist of the degree (the seed's step number). */
  readonly order: number;
  /** French, from the seed. */
  readonly title: string;
  /** The seed's REFERENCE column (where the detailed procedure is). */
  readonly reference?: string;
  readonly window?: ChecklistWindow;
  /** A remark shown with the step (« à répéter selon les directives rectorales »). */
  readonly note?: string;
  /** Done several times a year (steps 21-23): each occurrence is kept. */
  readonly repeatable?: boolean;
  /** An alternative: due only when the establishment exchanges in this mode (steps 21/22). */
  readonly exchangeMode?: ExchangeMode;
  /** Absent: the step is done outside Liaison and only a tick completes it. */
  readonly completedBy?: ChecklistCompletion;
}

const STEP_ID = /^([a-z][a-z0-9-]*):([0-9a-z]+)$/;

/** The step's own number in the seed (`7`, `3b`): the part after the plugin id. */
export function stepNumberOf(stepId: string): string {
  return STEP_ID.exec(stepId)?.[2] ?? stepId;
}

/** The plugin that owns the step: the part before the colon. */
export function stepPluginOf(stepId: string): string {
  return STEP_ID.exec(stepId)?.[1] ?? '';
}

export function isChecklistStepId(value: string): boolean {
  return STEP_ID.test(value);
}
