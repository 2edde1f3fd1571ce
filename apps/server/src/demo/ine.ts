import { type Rng } from './rng';

// RNIE keys are two digits written as letters; I is skipped, so J stands for 8 and K for 9.
const LETTER_DIGITS = 'ABCDEFGHJK';

/** The two-letter key of an INE-RNIE: 97 − (n mod 97), in 1..97, written with LETTER_DIGITS. */
export function rnieKey(nineDigits: string): string {
  if (!/^[0-9]{9}$/.test(nineDigits)) throw new Error(`rnieKey: 9 digits expected, got ${nineDigits}`);
  const key = 97 - (Number(nineDigits) % 97);
  return LETTER_DIGITS.charAt(Math.floor(key / 10)) + LETTER_DIGITS.charAt(key % 10);
}

export function rnieIne(nineDigits: string): string {
  return nineDigits + rnieKey(nineDigits);
}

/** Valid, distinct INE-RNIE numbers drawn from the demo's generator. */
export class IneFactory {
  private readonly issued = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(): string {
    for (;;) {
      const ine = rnieIne(String(this.rng.int(0, 1)) + this.rng.digits(8));
      if (!this.issued.has(ine)) {
        this.issued.add(ine);
        return ine;
      }
    }
  }
}
