import { ImportFileError, isValidIsoDate } from '@liaison/domain';
import { readCsv } from '../csv/csv-reader';
import { decodeText } from '../text/decode';
import { normaliseHeader } from '../text/normalise';
import { EXTRACTION_COLUMNS, type ExtractionField, OTHER_EXTRACTIONS } from './extraction-columns';

/** One pupil of an ONDE extraction, as written in the file (dates made ISO). */
export interface ExtractionPupil {
  /** 1-based line of the file. */
  line: number;
  lastName: string;
  usageName?: string;
  firstName: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex?: 'M' | 'F';
  ine?: string;
  cycle?: string;
  level?: string;
  classLabel?: string;
  classId?: string;
}

export interface IgnoredLine {
  line: number;
  reason: string;
  /** The INE the line carried, if any: such a line is reported, not silently dropped. */
  ine?: string;
}

export interface PupilExtraction {
  encoding: 'utf-8' | 'iso-8859-15';
  /** The header as written. */
  columns: string[];
  /** Whether the file has an INE column (the BE1D-era extraction has none). */
  hasIne: boolean;
  pupils: ExtractionPupil[];
  ignored: IgnoredLine[];
}

/** `dd/MM/yyyy` (ONDE) or `yyyy-MM-dd` (the BE1D sample), as an ISO date; undefined otherwise. */
export function extractionDate(value: string): string | undefined {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  return iso !== undefined && isValidIsoDate(iso) ? iso : undefined;
}

/** `M`, `F`, or the BE1D `H` (« homme », a boy). */
function extractionSex(value: string): 'M' | 'F' | undefined {
  const v = value.toUpperCase();
  return v === 'M' || v === 'H' ? 'M' : v === 'F' ? 'F' : undefined;
}

function columnIndexes(header: readonly string[]): Partial<Record<ExtractionField, number>> {
  const names = header.map(normaliseHeader);
  const indexes: Partial<Record<ExtractionField, number>> = {};
  for (const [field, spellings] of Object.entries(EXTRACTION_COLUMNS) as Array<[ExtractionField, readonly string[]]>) {
    for (const spelling of spellings) {
      const index = names.indexOf(spelling);
      if (index >= 0) {
        indexes[field] = index;
        break;
      }
    }
  }
  return indexes;
}

function notAPupilFile(header: readonly string[]): ImportFileError {
  const names = header.map(normaliseHeader);
  const other = OTHER_EXTRACTIONS.find(([name]) => names.includes(name));
  const looksLike = other ? ` : il ressemble à ${other[1]}` : '';
  return new ImportFileError(
    `ce fichier n’est pas une extraction des élèves ONDE${looksLike} (colonnes « Nom élève », « Prénom élève » et « Date naissance » attendues) ; dans ONDE, choisissez Listes & documents › Extractions › « Élèves de l’école », catégorie Élèves`,
  );
}

/**
 * Reads an ONDE or BE1D pupil extraction (`CSVExtraction.csv`, FORMAT.md §4): UTF-8 with or
 * without BOM, else ISO-8859-15; `;`; quoted or not; CRLF or LF; rows shorter than the header;
 * columns matched by normalised name, unknown ones ignored. A line that is not a pupil (no
 * name, no readable birth date — the footer some ONDE versions add) is listed in `ignored`.
 */
export function readPupilExtraction(bytes: Uint8Array): PupilExtraction {
  const { text, encoding } = decodeText(bytes);
  const records = readCsv(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...rows] = records;
  if (!header) throw new ImportFileError('fichier vide : une extraction des élèves ONDE (CSVExtraction.csv) est attendue');
  const columns = header.fields;
  const at = columnIndexes(columns);
  if (at.lastName === undefined || at.firstName === undefined || at.birthDate === undefined) throw notAPupilFile(columns);
  const pupils: ExtractionPupil[] = [];
  const ignored: IgnoredLine[] = [];
  rows.forEach((record, index) => {
    const value = (field: ExtractionField) => {
      const i = at[field];
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    };
    const optional = (field: ExtractionField) => value(field) || undefined;
    const lastName = value('lastName');
    const firstName = value('firstName');
    const birthDate = extractionDate(value('birthDate'));
    const ine = optional('ine');
    if (lastName === '' || firstName === '' || birthDate === undefined) {
      const last = index === rows.length - 1;
      const reason = last
        ? 'dernière ligne ignorée : ce n’est pas un élève (pied de fichier ?)'
        : `ligne ignorée : ${lastName === '' ? 'nom absent' : firstName === '' ? 'prénom absent' : `date de naissance « ${value('birthDate')} » illisible`}`;
      ignored.push({ line: record.line, reason, ...(ine ? { ine } : {}) });
      return;
    }
    const sex = extractionSex(value('sex'));
    pupils.push({
      line: record.line,
      lastName,
      firstName,
      birthDate,
      ...(optional('usageName') ? { usageName: value('usageName') } : {}),
      ...(sex ? { sex } : {}),
      ...(ine ? { ine } : {}),
      ...(optional('cycle') ? { cycle: value('cycle') } : {}),
      ...(optional('level') ? { level: value('level') } : {}),
      ...(optional('classLabel') ? { classLabel: value('classLabel') } : {}),
      ...(optional('classId') ? { classId: value('classId') } : {}),
    });
  });
  return { encoding, columns, hasIne: at.ine !== undefined, pupils, ignored };
}
