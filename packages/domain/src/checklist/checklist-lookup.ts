import { type Lookup } from '../commands/command';

/** The look-up that tells a tick which step it names: answered from the plugins' declarations. */
export const CHECKLIST_STEP_LOOKUP = 'checklistStep';

/** The answer: the step as declared, with the degree of the plugin that owns it; null when unknown. */
export interface ChecklistStepInfo {
  stepId: string;
  degree: 'first' | 'second';
  title: string;
  repeatable: boolean;
}

export const checklistStepLookup = (stepId: string): Lookup => ({ kind: CHECKLIST_STEP_LOOKUP, params: { stepId } });
