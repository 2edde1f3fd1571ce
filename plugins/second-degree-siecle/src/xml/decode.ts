import * as iconv from 'iconv-lite';
import { ImportFileError } from '@liaison/domain';

/** The text of an XML file and how it was read. */
export interface DecodedXml {
  text: string;
  /** The encoding the bytes were decoded with, as iconv-lite names it (`iso-8859-15`, `utf-8`…). */
  encoding: string;
  /** The encoding named by the XML declaration, as written; absent when the file declares none. */
  declared?: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

// `fatal`: bytes that are not UTF-8 throw instead of turning silently into U+FFFD.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The encoding pseudo-attribute of the XML declaration, read on the ASCII-compatible first bytes. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
  const declaration = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml\s[^>]*?\?>/.exec(head);
  if (!declaration) return undefined;
  return /\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration[0])?.[1];
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The 1-based line and column of the first byte that is not UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { line, column };
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, column };
    }
    if (b === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += length;
  }
  return { line, column };
}

/** Node's Buffer decoder for the bytes, without copying them. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Decodes an XML file by its declaration. SIECLE and STS-web declare ISO-8859-15 (Latin-9:
 * `œ` is 0xBD, `€` 0xA4), which is decoded as such and never as Latin-1. A file declaring
 * UTF-8, or nothing (XML's default), must be UTF-8; a file with no declaration whose bytes are
 * not UTF-8 is read as ISO-8859-15, SIECLE's encoding. An unknown encoding, or UTF-8 bytes
 * that are not, is an `ImportFileError` in French.
 */
export function decodeXml(bytes: Uint8Array): DecodedXml {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = iconv.decode(asBuffer(bytes), encoding).replace(/^\uFEFF/, '');
    const declared = /^\s*<\?xml\s[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text)?.[1];
    return { text, encoding, ...(declared ? { declared } : {}) };
  }
  const declared = declaredEncoding(bytes);
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  const name = declared?.toLowerCase();
  if (name === undefined || name === 'utf-8' || name === 'utf8') {
    try {
      return { text: strictUtf8.decode(body), encoding: 'utf-8', ...(declared ? { declared } : {}) };
    } catch {
      if (declared !== undefined) {
        const { line, column } = firstInvalidUtf8(body);
        throw new ImportFileError(
          `le fichier se déclare en ${declared} mais ses octets ne sont pas de l’UTF-8 (ligne ${line}, colonne ${column}) : ` +
            'réexportez-le depuis SIECLE sans le modifier',
        );
      }
      return { text: iconv.decode(asBuffer(body), 'iso-8859-15'), encoding: 'iso-8859-15' };
    }
  }
  if (!iconv.encodingExists(name)) {
    throw new ImportFileError(`encodage « ${declared} » non pris en charge (déclaration XML du fichier)`);
  }
  // iconv-lite names ISO-8859-15 `iso885915`; keep the usual spelling in reports.
  const encoding = /^(iso-?8859-?15|latin-?9|l9)$/.test(name) ? 'iso-8859-15' : name;
  return { text: iconv.decode(asBuffer(body), encoding), encoding, declared: declared as string };
}

/** How a report names an encoding: « ISO-8859-15 », « UTF-8 ». */
export function encodingLabel(encoding: string): string {
  return encoding.toUpperCase();
}
