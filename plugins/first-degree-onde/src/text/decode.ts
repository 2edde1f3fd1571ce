import * as iconv from 'iconv-lite';

const BOM = '\uFEFF';

// `fatal` makes any byte sequence that is not UTF-8 throw, which is how Latin-1/9 files are told apart.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Text of a national or user file whose encoding nobody declares. ONDE extractions are
 * ISO-8859 (FORMAT.md §4.7); files re-saved by a spreadsheet are UTF-8, often with one or more
 * BOMs. A Latin-9 file of French text is almost never valid UTF-8 (an accented letter followed
 * by plain ASCII is an invalid sequence), so "UTF-8 if it decodes strictly, else ISO-8859-15"
 * is safe. ISO-8859-15 rather than -1: it reads every French letter of both (Latin-1 files
 * differ only on ¤ ¦ ¨ ´ ¸ ¼ ½ ¾, which names and addresses do not use).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'iso-8859-15' } {
  let text: string;
  let encoding: 'utf-8' | 'iso-8859-15';
  try {
    text = strictUtf8.decode(bytes);
    encoding = 'utf-8';
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'iso-8859-15');
    encoding = 'iso-8859-15';
  }
  while (text.startsWith(BOM)) text = text.slice(BOM.length);
  return { text, encoding };
}
