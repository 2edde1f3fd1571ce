import { writeCsv } from '../csv/csv-writer';
import { describeChar, encodeLatin9, nonLatin9Chars } from '../text/latin9';
import { type Table } from './table';

/**
 * Encodes a table as our CSV (FORMAT.md §9.2): `;`, CRLF, minimal quoting, ISO-8859-15 without
 * BOM. Refuses, in French, a value ISO-8859-15 cannot hold, naming the record and field to fix,
 * instead of writing « ? » — the control reports these first, so this is the last guard.
 */
export function tableBytes(table: Table): Uint8Array {
  table.rows.forEach((row, index) => {
    // Rule 17 of FORMAT.md §8: a row never has a column more or less than the header.
    if (row.length !== table.header.length) {
      throw new Error(`${table.name}, ligne ${index + 2} : ${row.length} colonnes au lieu de ${table.header.length}`);
    }
    row.forEach((cell, column) => {
      const bad = nonLatin9Chars(cell.value);
      if (bad.length === 0) return;
      const where = cell.sources[0];
      const who = where ? `${where.entity.label}, champ ${where.field}` : `colonne « ${table.header[column]?.trim()} »`;
      throw new Error(
        `${table.name} : caractère ${bad.map(describeChar).join(', ')} impossible à écrire en ISO-8859-15 — ${who} ; corrigez la saisie (ex. « ł » → « l »)`,
      );
    });
  });
  const text = writeCsv([table.header, ...table.rows.map((row) => row.map((c) => c.value))]);
  return encodeLatin9(text);
}
