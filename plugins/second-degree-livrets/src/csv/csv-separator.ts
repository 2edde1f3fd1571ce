import { parseCsv } from './csv-read';

/** The separators French spreadsheets and grade books write: `;` first (Excel in French), then `,` and tabulation. */
const SEPARATORS = [';', ',', '\t'] as const;

/**
 * The separator that makes the most known headers out of the first line (`;` on a tie). The
 * line is split as CSV, quotes honoured, so a quoted header holding commas (a socle domain's
 * label) still counts as one.
 */
export function detectSeparator(text: string, knownHeaders: (fields: string[]) => number): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const score = (separator: string) => knownHeaders(parseCsv(first, separator).records[0]?.fields ?? []);
  return [...SEPARATORS].sort((a, b) => score(b) - score(a))[0]!;
}

/** How the report names the separator. */
export const separatorName = (separator: string) => (separator === '\t' ? 'tabulation' : separator);
