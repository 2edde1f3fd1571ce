import { normaliseHeader } from './csv-read';

/**
 * A CSV template of ours: its columns, matched by header (case, accents, underscores and
 * apostrophes ignored), never by position, so a grade book may export them in any order and
 * add its own. Shared by the importers of the plugin, each declaring its columns.
 */

export interface ColumnSpec {
  /** The header the documentation shows and the messages name. */
  header: string;
  /** The headers it is known by, already normalised (`normaliseHeader`). */
  aliases: readonly string[];
  required: boolean;
}

export type Columns<C extends string> = Readonly<Record<C, ColumnSpec>>;
export type ColumnIndex<C extends string> = Partial<Record<C, number>>;

/** Column → index in the header line (the first of two same headers wins); the headers nobody uses. */
export function locateTemplateColumns<C extends string>(
  columns: Columns<C>,
  header: readonly string[],
): { index: ColumnIndex<C>; unknown: string[] } {
  const index: ColumnIndex<C> = {};
  const unknown: string[] = [];
  const keys = Object.keys(columns) as C[];
  header.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    const column = keys.find((c) => columns[c].aliases.includes(h));
    if (column && index[column] === undefined) index[column] = i;
    else if (raw.trim() !== '') unknown.push(raw.trim());
  });
  return { index, unknown };
}

/** The required columns the header lacks, in the template's order. */
export function missingColumns<C extends string>(columns: Columns<C>, index: ColumnIndex<C>): C[] {
  return (Object.keys(columns) as C[]).filter((c) => columns[c].required && index[c] === undefined);
}
