/** The rectorat's check alphabet (no I, O, Q), as in `uaiCheckLetter`. */
const ALPHA23 = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const UAI_SPACE = 10_000_000;
/** Prime, hence coprime with 10^7: `i ↦ i·STRIDE mod 10^7` is a bijection, spread over the key space. */
const STRIDE = 7_919;

/** The i-th of up to 10^7 distinct valid UAIs: 7 digits n and the letter ALPHA23[n % 23]. */
export function benchUai(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= UAI_SPACE) throw new RangeError(`bench UAI index out of range: ${i}`);
  const n = (i * STRIDE) % UAI_SPACE;
  return String(n).padStart(7, '0') + ALPHA23.charAt(n % 23);
}

export const MAX_BENCH_UAIS = UAI_SPACE;
