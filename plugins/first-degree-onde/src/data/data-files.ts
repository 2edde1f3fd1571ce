import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The plugin's run-time data (`data/` next to `src/` and `dist/`, listed in package.json
 * `files`). This module sits one folder deep in both `src/` and `dist/`, so the same relative
 * path works in tests (sources) and in the built plugin.
 */
export const DATA_DIR = path.resolve(__dirname, '../../data');

export const DEFAULT_NOMENCLATURE_FILE = 'nomenclature-1d.csv';
export const COUNTRY_TABLE_FILE = 'pays-insee.csv';

export function readDataFile(name: string): Uint8Array {
  const file = path.join(DATA_DIR, name);
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    // A missing data file is an installation fault, not a user error: say which file.
    throw new Error(`first-degree-onde: fichier de données ${file} illisible (${(error as Error).message})`);
  }
}
