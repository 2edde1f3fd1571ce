import { type ChecklistWindow } from './checklist-step';

/**
 * The due date of a window in the checklist of year `year` (PRODUCT.md, "Checklists"): the
 * windows before the rentrée fall in the summer of `year`, the pupil exchange ends in May of
 * `year + 1`; the other windows have none.
 */
export function dueDateOf(window: ChecklistWindow | undefined, year: number): string | undefined {
  switch (window) {
    case 'Avant début juillet':
      return `${year}-07-01`;
    case 'Avant le 14 juillet':
      return `${year}-07-14`;
    case 'Avant la rentrée':
      return `${year}-09-01`;
    case 'Début septembre':
      return `${year}-09-15`;
    case 'De la mi-septembre à fin mai':
      return `${year + 1}-05-31`;
    default:
      return undefined;
  }
}
