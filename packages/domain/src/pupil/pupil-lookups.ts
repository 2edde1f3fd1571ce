import { type Lookup } from '../commands/command';

/** Context name under which `AssignNationalId` reads the INE holder. */
export const INE_HOLDER = 'ineHolder';

/**
 * Who, in the establishment, holds an INE. The resolver (kind `ineHolder`) answers the
 * `pupilId` holding it, or `null` when nobody does.
 */
export function ineHolderLookup(uai: string, ine: string): Lookup {
  return { kind: 'ineHolder', params: { uai, ine } };
}

export type IneHolder = string | null;
