import * as iconv from 'iconv-lite';

/**
 * Reading a CSV file a grade book or a spreadsheet produced: the encoding and the separator are
 * detected, quoted fields may hold separators, quotes (`""`) and line breaks, and every record
 * keeps the file line it starts on, so a rejection says « ligne N ».
 */

export type CsvEncoding = 'UTF-8' | 'ISO-8859-15';

/**
 * UTF-8 when the file starts with a byte-order mark or is valid UTF-8; otherwise Latin-9
 * (ISO-8859-15, what French spreadsheets and SIECLE write; it has €, Œ, œ that Latin-1 lacks).
 * A Latin-9 file is almost never valid UTF-8 once it holds an accented letter, so the test is safe.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const buffer = Buffer.from(bytes);
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(buffer, 'ISO-8859-15'), encoding: 'ISO-8859-15' };
  }
}

export interface CsvRecord {
  /** The file line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

/** Splits the text into records with `separator`; an unclosed quote is reported with its line. */
export function parseCsv(text: string, separator: string): { records: CsvRecord[]; unclosedQuoteLine?: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line += 1;
      start = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) return { records, unclosedQuoteLine: start };
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return { records };
}

/** A header as written in any case, with or without accents, underscores or apostrophes. */
export const normaliseHeader = (h: string) =>
  h.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’'_]/g, ' ').replace(/\s+/g, ' ').trim();
