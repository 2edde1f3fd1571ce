/** One way of pairing items: the keys each side gives (none when it has no such key). */
export interface MatchTier<L, R> {
  /** How a report names it: « ELEVE_ID », « INE », « ID_PRV_ELE », « nom, prénom et date de naissance ». */
  name: string;
  left(item: L): readonly string[];
  right(item: R): readonly string[];
}

/** How one left item ended. */
export type MatchOutcome<L, R> =
  | { kind: 'matched'; right: R; tier: string }
  /** Several right items share the key: never guessed. */
  | { kind: 'ambiguous'; candidates: R[]; tier: string }
  /** The one candidate was already paired with another left item by a stronger (or the same) key. */
  | { kind: 'taken'; right: R; tier: string; by: L }
  /** Several left items point to the same right item at the same tier: none is paired. */
  | { kind: 'contested'; right: R; tier: string; rivals: L[] }
  | { kind: 'none' };

/**
 * Pairs left items with right items tier by tier (ELEVE_ID, then INE, then our private id,
 * then identity — the order SIECLE itself uses, FORMAT.md §8.1): a stronger key pairs first
 * and its pairs are final; at each tier an item with exactly one free candidate is paired,
 * unless another item claims the same candidate at that tier. Several candidates, or one
 * already taken, are reported, never guessed. Pure; the result is by left index.
 */
export function tieredMatch<L, R>(
  lefts: readonly L[],
  rights: readonly R[],
  tiers: ReadonlyArray<MatchTier<L, R>>,
): MatchOutcome<L, R>[] {
  const outcomes: Array<MatchOutcome<L, R> | undefined> = lefts.map(() => undefined);
  const claimedBy = new Map<R, L>();
  for (const tier of tiers) {
    const index = new Map<string, R[]>();
    for (const r of rights) {
      for (const k of new Set(tier.right(r))) {
        const list = index.get(k);
        if (list) list.push(r);
        else index.set(k, [r]);
      }
    }
    const proposals = new Map<R, number[]>();
    lefts.forEach((l, i) => {
      if (outcomes[i] !== undefined) return;
      const candidates = [...new Set(tier.left(l).flatMap((k) => index.get(k) ?? []))];
      if (candidates.length === 0) return;
      if (candidates.length > 1) {
        outcomes[i] = { kind: 'ambiguous', candidates, tier: tier.name };
        return;
      }
      const candidate = candidates[0] as R;
      const owner = claimedBy.get(candidate);
      if (owner !== undefined) {
        outcomes[i] = { kind: 'taken', right: candidate, tier: tier.name, by: owner };
        return;
      }
      proposals.set(candidate, [...(proposals.get(candidate) ?? []), i]);
    });
    for (const [candidate, indexes] of proposals) {
      if (indexes.length === 1) {
        const i = indexes[0] as number;
        outcomes[i] = { kind: 'matched', right: candidate, tier: tier.name };
        claimedBy.set(candidate, lefts[i] as L);
      } else {
        for (const i of indexes) {
          outcomes[i] = {
            kind: 'contested',
            right: candidate,
            tier: tier.name,
            rivals: indexes.filter((j) => j !== i).map((j) => lefts[j] as L),
          };
        }
      }
    }
  }
  return outcomes.map((o) => o ?? { kind: 'none' });
}
