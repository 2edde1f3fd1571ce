import { type SchoolSnapshot } from '@liaison/domain';
import { byCodePoints } from '../control/scope';
import { MAX_PRIVATE_ID } from './send-commands';
import { initialSiecleSendState, type SiecleSendState, siecleStreamId } from './send-state';

/** The establishment's folded send ledger as of the snapshot (the initial state before any send). */
export function sendStateOf(snapshot: SchoolSnapshot): SiecleSendState {
  return (snapshot.pluginStates[siecleStreamId(snapshot.uai)] as SiecleSendState | undefined) ?? initialSiecleSendState();
}

export interface PrivateIds {
  /** pupilId → ID_PRV_ELE for every pupil asked about: recorded ones, then new ones. */
  pupils: Map<string, number>;
  /** guardianId → ID_PRV_PER. */
  guardians: Map<string, number>;
  /** The ids this send would assign, in internal-id order. */
  newPupils: Array<{ pupilId: string; privateId: number }>;
  newGuardians: Array<{ guardianId: string; privateId: number }>;
  /** Set when the new ids would go beyond 99999 (the XSD's limit). */
  exhausted?: { kind: 'élèves' | 'responsables'; wanted: number };
}

function resolve(
  ids: readonly string[],
  assigned: Record<string, number>,
  next: number,
): { all: Map<string, number>; fresh: Array<[string, number]>; last: number } {
  const all = new Map<string, number>();
  const fresh: Array<[string, number]> = [];
  let n = next;
  for (const id of [...new Set(ids)].sort(byCodePoints)) {
    const known = assigned[id];
    if (known !== undefined) {
      all.set(id, known);
    } else {
      all.set(id, n);
      fresh.push([id, n]);
      n += 1;
    }
  }
  return { all, fresh, last: n - 1 };
}

/**
 * The private ids of a send (PRODUCT.md « Identifiers »): an id recorded for a pupil or person
 * is theirs for good; those sent for the first time get the next numbers, one by one, in
 * `pupilId` / `guardianId` order. Never derived from the internal id, never reused.
 */
export function resolvePrivateIds(
  state: SiecleSendState,
  pupilIds: readonly string[],
  guardianIds: readonly string[],
): PrivateIds {
  const pupils = resolve(pupilIds, state.pupilPrivateIds, state.nextPupilPrivateId);
  const guardians = resolve(guardianIds, state.guardianPrivateIds, state.nextGuardianPrivateId);
  const exhausted =
    pupils.fresh.length > 0 && pupils.last > MAX_PRIVATE_ID
      ? { kind: 'élèves' as const, wanted: pupils.last }
      : guardians.fresh.length > 0 && guardians.last > MAX_PRIVATE_ID
        ? { kind: 'responsables' as const, wanted: guardians.last }
        : undefined;
  return {
    pupils: pupils.all,
    guardians: guardians.all,
    newPupils: pupils.fresh.map(([pupilId, privateId]) => ({ pupilId, privateId })),
    newGuardians: guardians.fresh.map(([guardianId, privateId]) => ({ guardianId, privateId })),
    ...(exhausted ? { exhausted } : {}),
  };
}
