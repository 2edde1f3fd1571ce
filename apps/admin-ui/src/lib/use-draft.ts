import { useCallback, useState } from 'react';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Rebases a draft on a new server version: the fields the user changed keep their value, the
 * others take the server's (three-way merge against the version the draft started from).
 */
export function rebase<T extends Record<string, unknown>>(oldBase: T, newBase: T, draft: T): T {
  const merged: Record<string, unknown> = { ...draft };
  for (const key of new Set([...Object.keys(oldBase), ...Object.keys(newBase)])) {
    if (same(draft[key], oldBase[key])) merged[key] = newBase[key];
  }
  return merged as T;
}

/**
 * A form's values, started from the server's: after a reload (a save, or a concurrent edit
 * explained by a 412) the draft is rebased, so neither the user's entries nor the other
 * person's change is lost.
 */
export function useDraft<T extends Record<string, unknown>>(server: T): [T, (patch: Partial<T>) => void, boolean] {
  const [state, setState] = useState({ base: server, draft: server });
  let current = state;
  if (!same(state.base, server)) {
    current = { base: server, draft: rebase(state.base, server, state.draft) };
    setState(current);
  }
  const update = useCallback((patch: Partial<T>) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })), []);
  return [current.draft, update, !same(current.draft, current.base)];
}
