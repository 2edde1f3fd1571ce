import { type Lookup } from '../commands/command';

/** The look-up kind a server resolver answers for `classHeadCountLookup`. */
export const CLASS_HEAD_COUNT_LOOKUP = 'classHeadCount';

/**
 * How many pupils of the year are in the class right now: enrolled in it (or moved into it) and
 * not moved out or exited since. The resolver answers a number; `CloseClass` reads it from its
 * context as `headCount` and refuses to close a class that still has pupils.
 */
export function classHeadCountLookup(uai: string, year: number, classCode: string): Lookup {
  return { kind: CLASS_HEAD_COUNT_LOOKUP, params: { uai, year, classCode } };
}
