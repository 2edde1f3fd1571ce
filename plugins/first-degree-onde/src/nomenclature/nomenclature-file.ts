import { ImportFileError, type NomenclatureEntry } from '@liaison/domain';
import { readCsv } from '../csv/csv-reader';
import { normaliseHeader } from '../text/normalise';

/** The three nomenclatures of a year, as the file names them (docs/formats/onde-nomenclature.md). */
export const NOMENCLATURE_KINDS = Object.freeze({
  niveau: 'formations',
  langue: 'languages',
  'type-classe': 'classTypes',
} as const);

export type NomenclatureKind = (typeof NOMENCLATURE_KINDS)[keyof typeof NOMENCLATURE_KINDS];

export interface NomenclatureLine {
  kind: NomenclatureKind;
  /** 1-based line of the file, for the report. */
  line: number;
  entry: NomenclatureEntry;
}

// The limits of the DeclareFormations / DeclareLanguages / DeclareClassTypes payloads.
const CODE_MAX = 40;
const LABEL_MAX = 200;
const CYCLES = new Set(['1', '2', '3']);
const HEADER = ['type', 'code', 'libelle', 'cycle'];
// More would drown the message; the first ones are enough to fix a file.
const MAX_REPORTED = 20;

/**
 * Reads the nomenclature file: `#` comments and blank lines ignored, then the header
 * `type;code;libellé;cycle`, then one entry per line. Every malformed line is reported with its
 * number, and any of them refuses the whole file (an import never half-applies).
 */
export function parseNomenclatureFile(text: string): NomenclatureLine[] {
  const records = readCsv(text).filter(
    (r) => !(r.fields[0] ?? '').trimStart().startsWith('#') && r.fields.some((f) => f.trim() !== ''),
  );
  const [header, ...rows] = records;
  if (!header)
    throw new ImportFileError(
      'fichier de nomenclature vide : l’en-tête « type;code;libellé;cycle » et au moins une ligne sont attendus',
    );
  const names = header.fields.map(normaliseHeader);
  if (!HEADER.slice(0, 3).every((name, i) => names[i] === name) || (names.length > 3 && names[3] !== 'cycle')) {
    throw new ImportFileError(
      `ligne ${header.line} : en-tête « ${header.fields.join(';')} » inattendu, « type;code;libellé;cycle » est attendu (voir docs/formats/onde-nomenclature.md)`,
    );
  }
  const problems: string[] = [];
  const lines: NomenclatureLine[] = [];
  const firstLine = new Map<string, number>();
  for (const record of rows) {
    const [rawType = '', rawCode = '', rawLabel = '', rawCycle = '', ...extra] = record.fields.map((f) => f.trim());
    const at = `ligne ${record.line}`;
    const type = normaliseHeader(rawType);
    const kind = Object.hasOwn(NOMENCLATURE_KINDS, type)
      ? NOMENCLATURE_KINDS[type as keyof typeof NOMENCLATURE_KINDS]
      : undefined;
    const before = problems.length;
    if (kind === undefined) problems.push(`${at} : type « ${rawType} » inconnu (niveau, langue ou type-classe attendu)`);
    if (rawCode === '') problems.push(`${at} : code vide`);
    else if (rawCode.length > CODE_MAX) problems.push(`${at} : code « ${rawCode} » trop long (${CODE_MAX} caractères au plus)`);
    if (rawLabel === '') problems.push(`${at} : libellé vide`);
    else if (rawLabel.length > LABEL_MAX) problems.push(`${at} : libellé trop long (${LABEL_MAX} caractères au plus)`);
    if (kind === 'formations' && !CYCLES.has(rawCycle)) {
      problems.push(`${at} : cycle « ${rawCycle} » invalide pour le niveau ${rawCode} (1, 2 ou 3 attendu)`);
    } else if (kind !== undefined && kind !== 'formations' && rawCycle !== '') {
      problems.push(`${at} : un cycle ne se donne qu’à un niveau, pas à « ${rawType} »`);
    }
    if (extra.some((f) => f !== '')) problems.push(`${at} : colonnes en trop (4 au plus : type;code;libellé;cycle)`);
    if (kind !== undefined && rawCode !== '') {
      const key = `${kind}|${rawCode}`;
      const first = firstLine.get(key);
      if (first !== undefined) problems.push(`${at} : ${rawType} « ${rawCode} » déjà déclaré ligne ${first}`);
      else firstLine.set(key, record.line);
    }
    if (problems.length > before || kind === undefined) continue;
    const entry: NomenclatureEntry =
      kind === 'formations' ? { code: rawCode, label: rawLabel, cycle: rawCycle } : { code: rawCode, label: rawLabel };
    lines.push({ kind, line: record.line, entry });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED).join(' ; ');
    const more = problems.length > MAX_REPORTED ? ` ; et ${problems.length - MAX_REPORTED} autre(s)` : '';
    throw new ImportFileError(`fichier de nomenclature refusé : ${shown}${more}`);
  }
  if (lines.length === 0)
    throw new ImportFileError(
      'fichier de nomenclature sans entrée : au moins un niveau, une langue ou un type de classe est attendu',
    );
  return lines;
}
