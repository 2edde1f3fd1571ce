import {
  type Command,
  DomainError,
  type Importer,
  ImportFileError,
  type ImportPlan,
  type ImportRow,
  sameJson,
  type SchoolSnapshot,
  toFrenchDate,
} from '@liaison/domain';
import { SOCLE_DOMAIN_CODES, type SocleDomain } from '../codes/lsu-codes';
import { recordCycleBilanPayload } from '../commands/payloads';
import { assertPupilInDivision } from '../commands/rules';
import { CYCLE_BILANS_FORMAT_ID, EVALUATIONS_FORMAT_ID } from '../format-ids';
import { pupilLabel } from '../model/anomalies';
import { pupilLivretOf } from '../model/livret-states';
import { readDay } from './csv-date';
import { normaliseHeader } from './csv-read';
import { type CsvLine, describeTable, readCsvTable } from './csv-table';
import { type ColumnIndex, missingColumns } from './csv-template';
import { cycleBilanChanges } from './cycle-bilan-changes';
import {
  complementCode,
  complementLevel,
  cycleValue,
  regionalLanguageCode,
  regionalLanguageLevel,
  socleLevel,
} from './cycle-bilan-values';
import { CYCLE_BILAN_COLUMNS, type CycleBilanColumn } from './cycle-bilans-template';
import { assertCycleEndsInYear } from './cycle-level-rule';
import { COLUMNS as EVALUATION_COLUMNS } from './evaluations-template';
import { recordFieldsOf, validatePayload } from './line-payload';
import { hasPupilKey, matchPupil, PUPIL_KEY_HEADERS, rowWithoutPupil } from './line-pupil';
import { assertSecondDegree } from './second-degree-only';

type Line = CsvLine<CycleBilanColumn>;

const isDomain = (column: CycleBilanColumn): column is SocleDomain => (SOCLE_DOMAIN_CODES as string[]).includes(column);

/** Refuses a header that lacks a required column, naming each (the domains by their LSU code). */
function assertColumns(index: ColumnIndex<CycleBilanColumn>, unknown: readonly string[]): void {
  const missing = missingColumns(CYCLE_BILAN_COLUMNS, index);
  const parts: string[] = missing.filter((c) => !isDomain(c)).map((c) => CYCLE_BILAN_COLUMNS[c].header);
  if (!hasPupilKey(index)) parts.push(PUPIL_KEY_HEADERS);
  const domains = missing.filter(isDomain);
  if (domains.length > 0) {
    parts.push(`domaine(s) du socle ${domains.join(', ')} (une colonne par domaine, nommée par son code LSU ou son libellé)`);
  }
  if (parts.length === 0) return;
  // The period file given by mistake: say so, it is the likeliest confusion.
  const headers = unknown.map(normaliseHeader);
  const looksLikeEvaluations = (['period', 'subject'] as const).every((c) =>
    EVALUATION_COLUMNS[c].aliases.some((a) => headers.includes(a)),
  );
  throw new ImportFileError(
    `colonne(s) manquante(s) : ${parts.join(' ; ')} — voir le modèle ${CYCLE_BILANS_FORMAT_ID}${
      looksLikeEvaluations
        ? ` (ce fichier, avec Période et Matière, suit le modèle des évaluations d’une période, ${EVALUATIONS_FORMAT_ID})`
        : ''
    }`,
  );
}

/** A code column and its level column (enseignement de complément, langue régionale): no level without a code. */
function codeAndLevel(
  line: Line,
  code: CycleBilanColumn,
  level: CycleBilanColumn,
  readCode: (value: string) => string,
  readLevel: (value: string) => number | string,
): { code: string; positioning?: number | string } | undefined {
  const c = line.get(code);
  const l = line.get(level);
  if (c === undefined && l !== undefined) {
    throw new DomainError(
      'invalid_value',
      `${CYCLE_BILAN_COLUMNS[level].header} « ${l} » sans ${CYCLE_BILAN_COLUMNS[code].header.toLowerCase()}`,
      'invalid',
    );
  }
  if (c === undefined) return undefined;
  return { code: readCode(c), ...(l !== undefined ? { positioning: readLevel(l) } : {}) };
}

/** What the line says, as `RecordCycleBilan`'s payload (still to validate). */
function payloadOf(line: Line, base: { uai: string; year: number; pupilId: string }) {
  const complement = codeAndLevel(line, 'complement', 'complementLevel', complementCode, complementLevel);
  const regionalLanguage = codeAndLevel(
    line,
    'regionalLanguage',
    'regionalLanguageLevel',
    regionalLanguageCode,
    regionalLanguageLevel,
  );
  return {
    ...base,
    classCode: line.get('division'),
    cycle: cycleValue(line.get('cycle')),
    date: readDay(line.get('date'), CYCLE_BILAN_COLUMNS.date.header),
    domains: Object.fromEntries(SOCLE_DOMAIN_CODES.map((code) => [code, socleLevel(code, line.get(code))])),
    synthesis: line.get('synthesis'),
    ...(complement ? { complement } : {}),
    ...(regionalLanguage ? { regionalLanguage } : {}),
  };
}

/**
 * « Import des bilans de fin de cycle » (`livrets.bilans-cycle`): the CSV file the grade book
 * exports at the end of 6e (cycle 3) and of 3e (cycle 4), one line per pupil, following our
 * template (docs/formats/livrets-csv.md). Each line becomes one `RecordCycleBilan`, checked as
 * the command checks it (values, date of the school year, enseignement de complément at the end
 * of cycle 4 only, pupil enrolled in the division) and against the pupil's level (the cycle must
 * end in their year); a line the livret already holds becomes nothing. A line whose pupil is
 * unknown is reported, not an error; a rejected line names its line number, and the server
 * refuses the whole file.
 */
export function cycleBilansImporter(): Importer<ImportPlan> {
  return {
    formatId: CYCLE_BILANS_FORMAT_ID,
    displayName: 'Bilans de fin de cycle (CSV du logiciel de notes, modèle Liaison)',
    status: 'adapter',
    parse(bytes, context): ImportPlan {
      const { snapshot, uai, year } = context;
      assertSecondDegree(snapshot);
      const table = readCsvTable(bytes, CYCLE_BILAN_COLUMNS);
      assertColumns(table.index, table.unknown);
      if (table.lines.length === 0) throw new ImportFileError('aucun bilan de fin de cycle sous l’en-tête');

      /** The line that already gave each pupil's bilan of a cycle: one bilan per pupil and cycle. */
      const given = new Map<string, number>();
      const rows = table.lines.map((line) => planLine(line, snapshot, { uai, year }, given));
      const notes = [`fichier ${context.fileName} : ${table.lines.length} ligne(s), ${describeTable(table)}`];
      if (table.unknown.length > 0) notes.push(`colonne(s) ignorée(s) : ${table.unknown.join(', ')}`);
      return { rows, notes, successMessage: 'Import des bilans de fin de cycle réussi' };
    },
  };
}

function planLine(
  line: Line,
  snapshot: SchoolSnapshot,
  stream: { uai: string; year: number },
  given: Map<string, number>,
): ImportRow {
  const match = matchPupil({ eleveId: line.get('eleveId'), pupilId: line.get('pupilId') }, snapshot);
  const what = `bilan de fin de cycle ${cycleValue(line.get('cycle')) ?? '?'}`;
  if (match.kind !== 'pupil') return rowWithoutPupil(line, match, what);
  const pupil = match.pupil;
  const pupilId = pupil.pupilId!;
  const subject = `${pupilLabel(pupil, stream.year)} — ${what}`;
  try {
    const bilan = validatePayload(recordCycleBilanPayload, payloadOf(line, { ...stream, pupilId }), 'bilan de fin de cycle');
    assertPupilInDivision(pupil, bilan);
    assertCycleEndsInYear(snapshot, pupil, bilan.cycle, bilan.classCode);
    const key = `${pupilId}|${bilan.cycle}`;
    const earlier = given.get(key);
    if (earlier !== undefined) {
      throw new DomainError(
        'cycle_bilan_twice',
        `le bilan de fin de cycle ${bilan.cycle} de cet élève est déjà donné ligne ${earlier} : une ligne par élève`,
        'rule',
      );
    }
    given.set(key, line.line);
    const current = pupilLivretOf(snapshot, pupilId).cycleBilans[String(bilan.cycle)];
    if (sameJson(current, recordFieldsOf(bilan))) return { ref: line.ref, outcome: 'unchanged', subject, message: 'déjà à jour' };
    const commands: Command[] = [{ type: 'RecordCycleBilan', payload: bilan }];
    if (current === undefined)
      return { ref: line.ref, outcome: 'create', subject, message: `bilan du ${toFrenchDate(bilan.date)}`, commands };
    return {
      ref: line.ref,
      outcome: 'update',
      subject,
      message: `modifié : ${cycleBilanChanges(current, bilan).join(', ')}`,
      commands,
    };
  } catch (error) {
    if (error instanceof DomainError) return { ref: line.ref, outcome: 'rejected', subject, message: error.message };
    throw error;
  }
}
