import { fieldCandidates } from './anomalies';

/**
 * Focuses the form control of an anomaly's field (`data-field` attributes), scrolls to it and
 * outlines it for a few seconds. Returns whether one was found.
 */
export function focusField(field: string): boolean {
  for (const candidate of fieldCandidates(field)) {
    const element =
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(candidate)}"]`) ??
      document.querySelector<HTMLElement>(`[data-field^="${CSS.escape(candidate)}."]`);
    if (!element || element.offsetParent === null) continue;
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
    const frame =
      element.closest<HTMLElement>('.mantine-InputWrapper-root, .mantine-Checkbox-root, .mantine-Switch-root') ?? element;
    frame.classList.add('field-target');
    setTimeout(() => frame.classList.remove('field-target'), 4000);
    return true;
  }
  return false;
}
