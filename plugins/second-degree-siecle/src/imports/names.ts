/**
 * A name as a comparison key: no accents, upper case, and hyphens, apostrophes, dots and runs
 * of spaces made one space. SIECLE normalises names on import (`HugoHugo JeanJean` became
 * `HUGOHUGO Jeanjean`, FORMAT.md §8.1) and often writes them without accents, so names are
 * compared this way, never byte for byte.
 */
export function normaliseName(name: string | undefined): string {
  if (name === undefined) return '';
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/gi, 'OE')
    .replace(/æ/gi, 'AE')
    .toUpperCase()
    .replace(/[-'’‘`´.,_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when two names are the same once normalised (and both given). */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  const x = normaliseName(a);
  return x.length > 0 && x === normaliseName(b);
}
