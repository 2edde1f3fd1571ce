/**
 * State of `checklist-<UAI>-<YYYY>`: the ticks standing, per step, in the order they were made
 * (their `doneOn` dates). Completions by events are not here: they are facts of other streams,
 * read when the checklist is shown.
 */
export interface ChecklistState {
  ticks: Record<string, string[]>;
}

export const initialChecklistState = (): ChecklistState => ({ ticks: {} });
