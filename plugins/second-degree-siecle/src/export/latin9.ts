import * as iconv from 'iconv-lite';

/**
 * Typographic punctuation ISO-8859-15 lacks, and the plain character a typist means by it
 * (« l’Église » is « l'Église »). Phones and word processors type these on their own; writing
 * them plain changes no letter. Letters outside Latin-9 (ł, ş, ễ…) are never replaced: the
 * control reports them on the record and field where they were typed.
 */
const PLAIN: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u2009\u200a\u202f]/g, ' '],
  [/[\u200b-\u200d\u2060\ufeff]/g, ''],
];

/** The text as the SIECLE file holds it: plain punctuation, surrounding spaces dropped. */
const TYPOGRAPHIC = /[\u2009-\u2026\u202f\u2032\u2033\u2060\u2212\ufeff]/;

export function plainText(value: string): string {
  if (!TYPOGRAPHIC.test(value)) return value.trim();
  let text = value;
  for (const [pattern, replacement] of PLAIN) text = text.replace(pattern, replacement);
  return text.trim();
}

// Latin-1 code points that ISO-8859-15 gives to other characters (ISO/IEC 8859-15 table of differences).
const LATIN1_REPLACED = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
const LATIN9_ADDED = new Set(['€', 'Š', 'š', 'Ž', 'ž', 'Œ', 'œ', 'Ÿ']);

/** Whether one character can be written in an ISO-8859-15 XML document (no control characters). */
export function isWritableChar(char: string): boolean {
  if (LATIN9_ADDED.has(char)) return true;
  const code = char.codePointAt(0) ?? 0;
  if (char.length !== 1 || code > 0xff || LATIN1_REPLACED.has(code)) return false;
  // XML 1.0 forbids C0 controls except tab, LF and CR; C1 controls are discouraged and meaningless here.
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return !(code >= 0x7f && code <= 0x9f);
}

/** Any character `isWritableChar` refuses: a quick test before listing them. */
const UNWRITABLE = /[^\t\n\r\x20-\x7e\xa0-\xa3\xa5\xa7\xa9-\xb3\xb5-\xb7\xb9-\xbb\xbf-\xff€ŠšŽžŒœŸ]/;

/** The characters of `text` the file cannot hold, each once, in order of appearance. */
export function unwritableChars(text: string): string[] {
  if (!UNWRITABLE.test(text)) return [];
  const found: string[] = [];
  for (const char of text) if (!isWritableChar(char) && !found.includes(char)) found.push(char);
  return found;
}

/** « ł » (U+0142): how a message names a character. */
export function describeChar(char: string): string {
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return /\p{C}/u.test(char) ? `U+${code}` : `« ${char} » (U+${code})`;
}

/**
 * ISO-8859-15 bytes of a text the control already checked. iconv-lite writes « ? » for what it
 * cannot encode, silently: the check is repeated here as a last guard.
 */
export function encodeLatin9(text: string): Uint8Array {
  const bad = unwritableChars(text);
  if (bad.length > 0) {
    throw new Error(`caractère(s) ${bad.map(describeChar).join(', ')} impossible(s) à écrire en ISO-8859-15`);
  }
  return new Uint8Array(iconv.encode(text, 'iso-8859-15'));
}
