import { FIRST_DEGREE_LEVELS } from '@liaison/domain';

/**
 * `Code niveau` by level. The real first-degree codes (MEFSTAT4, BCN) are not public
 * (FORMAT.md §7.1): until they are, the level code itself is written, a documented project
 * convention. Configurable so the BCN values can be dropped in.
 */
export const DEFAULT_LEVEL_CODES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(FIRST_DEGREE_LEVELS.map((level) => [level, level])),
);
