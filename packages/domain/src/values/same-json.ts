const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A JSON value with object keys sorted and undefined fields dropped; arrays keep their order. */
export function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => byText(a, b))
        .map(([k, v]) => [k, canonicalJson(v)]),
    );
  }
  return value;
}

/**
 * Deep equality of two JSON values whatever the order of object keys, an absent field equal to
 * an undefined one; lists compare in order. How a decider tells that a command restates what
 * the state already holds, and so appends nothing.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonicalJson(a)) === JSON.stringify(canonicalJson(b));
}
