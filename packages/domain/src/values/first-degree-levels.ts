/**
 * The first-degree levels in school order, with their cycle. Level codes are the first-degree
 * formation codes (PRODUCT.md "Shared shapes"); the ladder gives a `passage` its next level.
 */
export const FIRST_DEGREE_LEVELS = Object.freeze(['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const);

export type FirstDegreeLevel = (typeof FIRST_DEGREE_LEVELS)[number];

export const FIRST_DEGREE_LEVEL_LABELS: Readonly<Record<FirstDegreeLevel, string>> = Object.freeze({
  TPS: 'Toute petite section',
  PS: 'Petite section',
  MS: 'Moyenne section',
  GS: 'Grande section',
  CP: 'Cours préparatoire',
  CE1: 'Cours élémentaire 1re année',
  CE2: 'Cours élémentaire 2e année',
  CM1: 'Cours moyen 1re année',
  CM2: 'Cours moyen 2e année',
});

/** Cycle 1 (maternelle), 2 (apprentissages fondamentaux), 3 (consolidation, CM1-CM2 side). */
export const FIRST_DEGREE_CYCLES: Readonly<Record<FirstDegreeLevel, string>> = Object.freeze({
  TPS: '1',
  PS: '1',
  MS: '1',
  GS: '1',
  CP: '2',
  CE1: '2',
  CE2: '2',
  CM1: '3',
  CM2: '3',
});

export function isFirstDegreeLevel(code: string): code is FirstDegreeLevel {
  return (FIRST_DEGREE_LEVELS as readonly string[]).includes(code);
}

/** The level after `level`; undefined after CM2 (the pupil leaves for collège) or for a non-level. */
export function nextFirstDegreeLevel(level: string): FirstDegreeLevel | undefined {
  if (!isFirstDegreeLevel(level)) return undefined;
  return FIRST_DEGREE_LEVELS[FIRST_DEGREE_LEVELS.indexOf(level) + 1];
}
