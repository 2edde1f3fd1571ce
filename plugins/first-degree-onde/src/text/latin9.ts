import * as iconv from 'iconv-lite';

// ISO-8859-15 is Latin-1 with eight code points replaced (ISO/IEC 8859-15, table of differences).
const REPLACED_LATIN1 = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
const ADDED = new Set(['€', 'Š', 'š', 'Ž', 'ž', 'Œ', 'œ', 'Ÿ']);

/** Whether a character (one code point) can be written in ISO-8859-15. */
export function isLatin9Char(char: string): boolean {
  if (ADDED.has(char)) return true;
  const code = char.codePointAt(0) ?? 0;
  return char.length === 1 && code <= 0xff && !REPLACED_LATIN1.has(code);
}

/** The characters of `text` that ISO-8859-15 cannot hold, each once, in order of appearance. */
export function nonLatin9Chars(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    if (!isLatin9Char(char) && !found.includes(char)) found.push(char);
  }
  return found;
}

/**
 * Encodes text the writer already checked. iconv-lite silently writes « ? » for what it cannot
 * encode, so the check is the caller's, and is repeated here as a last guard.
 */
export function encodeLatin9(text: string): Uint8Array {
  const bad = nonLatin9Chars(text);
  if (bad.length > 0) {
    throw new Error(`caractère(s) ${bad.map((c) => `« ${c} »`).join(', ')} impossible(s) à écrire en ISO-8859-15`);
  }
  return new Uint8Array(iconv.encode(text, 'iso-8859-15'));
}

/** How to describe a character in a message: « ł » (U+0142). */
export function describeChar(char: string): string {
  return `« ${char} » (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
}
