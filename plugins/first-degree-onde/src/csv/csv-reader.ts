/** One record of a delimited file, with the line it starts on (1-based) for messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads `;`-separated text the way ONDE and spreadsheets write it (FORMAT.md §4.7): fields
 * quoted or not, `""` for a quote inside a quoted field, CRLF, LF or CR line ends, quoted
 * fields spanning lines. A quote in the middle of an unquoted field is kept as a character,
 * as spreadsheets do. Blank lines are skipped; trailing missing fields are the caller's
 * business (rows may be shorter than the header).
 */
export function readCsv(text: string, separator = ';'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  // Whether the current record has any content (a lone empty line is not a record).
  let started = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    if (started) {
      endField();
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    started = false;
  };

  while (i < text.length) {
    const char = text.charAt(i);
    if (inQuotes) {
      if (char === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (char === '\r' || char === '\n') {
        // A line end inside quotes is data; count it so later messages name the right line.
        if (char === '\r' && text.charAt(i + 1) === '\n') {
          field += '\r\n';
          i += 2;
        } else {
          field += char;
          i += 1;
        }
        line += 1;
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      if (!started) recordLine = line;
      started = true;
      inQuotes = true;
      i += 1;
      continue;
    }
    if (char === separator) {
      if (!started) recordLine = line;
      started = true;
      endField();
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    if (!started) recordLine = line;
    started = true;
    field += char;
    i += 1;
  }
  endRecord();
  return records;
}
