import { readCsv } from '../csv/csv-reader';
import { COUNTRY_TABLE_FILE, readDataFile } from '../data/data-files';
import { decodeText } from '../text/decode';

/** INSEE code of France, as SIECLE and Liaison's commands write it. */
export const FRANCE = '100';

let cached: ReadonlyMap<string, string> | undefined;

/**
 * The INSEE country table (`data/pays-insee.csv`, source in `data/SOURCES.md`): SIECLE-style
 * 3-digit code (the INSEE COG code without its « 99 » prefix) → label in upper case without
 * accents (« ALLEMAGNE »). Read once: it is the same for every export.
 */
export function inseeCountries(): ReadonlyMap<string, string> {
  if (cached) return cached;
  const records = readCsv(decodeText(readDataFile(COUNTRY_TABLE_FILE)).text);
  const table = new Map<string, string>();
  for (const record of records.slice(1)) {
    const [code, label] = record.fields;
    if (code && label) table.set(code.trim(), label.trim());
  }
  cached = table;
  return table;
}

export function countryLabel(code: string | undefined): string | undefined {
  return code === undefined ? undefined : inseeCountries().get(code);
}
