import { ImportFileError } from '@liaison/domain';
import { type CsvEncoding, decodeCsv, parseCsv } from './csv-read';
import { detectSeparator, separatorName } from './csv-separator';
import { type ColumnIndex, type Columns, locateTemplateColumns } from './csv-template';

/** A data line of a template's file: where it is, and its value in each column (trimmed, `undefined` when blank). */
export interface CsvLine<C extends string> {
  /** « ligne N »: the file line the record starts on, what every report row and rejection names. */
  ref: string;
  line: number;
  get(column: C): string | undefined;
}

export interface CsvTable<C extends string> {
  encoding: CsvEncoding;
  separator: string;
  index: ColumnIndex<C>;
  /** Headers of no column of the template: ignored, listed in the report's notes. */
  unknown: string[];
  /** The non-blank lines under the header (blank ones are skipped but keep their number). */
  lines: Array<CsvLine<C>>;
}

/**
 * Reads a template's CSV file: encoding and separator detected, records split, columns located
 * by header. Refuses the file (`ImportFileError`) when it has no header or an unclosed quote;
 * which columns are required, and what an empty file means, is each importer's to say.
 */
export function readCsvTable<C extends string>(bytes: Uint8Array, columns: Columns<C>): CsvTable<C> {
  const { text, encoding } = decodeCsv(bytes);
  const separator = detectSeparator(text, (fields) => Object.keys(locateTemplateColumns(columns, fields).index).length);
  const parsed = parseCsv(text, separator);
  if (parsed.unclosedQuoteLine !== undefined) {
    throw new ImportFileError(`ligne ${parsed.unclosedQuoteLine} : guillemet ouvert jamais fermé`);
  }
  const [header, ...records] = parsed.records;
  if (!header) throw new ImportFileError('fichier vide : la ligne d’en-tête est attendue');
  const { index, unknown } = locateTemplateColumns(columns, header.fields);
  const lines = records
    .filter((r) => r.fields.some((f) => f.trim() !== ''))
    .map((r) => ({
      ref: `ligne ${r.line}`,
      line: r.line,
      get: (column: C) => {
        const i = index[column];
        const v = i === undefined ? undefined : r.fields[i]?.trim();
        return v === undefined || v === '' ? undefined : v;
      },
    }));
  return { encoding, separator, index, unknown, lines };
}

/** « encodage UTF-8, séparateur « ; » », for the report's first note. */
export const describeTable = (table: Pick<CsvTable<string>, 'encoding' | 'separator'>) =>
  `encodage ${table.encoding}, séparateur « ${separatorName(table.separator)} »`;
