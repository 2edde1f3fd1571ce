import {
  type Command,
  DomainError,
  type Importer,
  ImportFileError,
  type ImportPlan,
  type ImportRow,
  sameJson,
  type SchoolSnapshot,
} from '@liaison/domain';
import { isPeriod, type Period, periodLabel } from '../codes/periods';
import { recordAttendancePayload, recordPeriodSynthesisPayload, recordSubjectAssessmentPayload } from '../commands/payloads';
import { type ReferenceView } from '../commands/reference-view';
import { assertPupilInDivision, assertSubjectKnown, assertTeachersKnown } from '../commands/rules';
import { EVALUATIONS_FORMAT_ID } from '../format-ids';
import { pupilLabel } from '../model/anomalies';
import { pupilLivretOf } from '../model/livret-states';
import { type PeriodRecord, subjectKey } from '../model/pupil-livret';
import { readSiecleReference } from '../reference/siecle-reference';
import { isoDate } from './csv-date';
import { normaliseHeader } from './csv-read';
import { type CsvLine, describeTable, readCsvTable } from './csv-table';
import { missingColumns } from './csv-template';
import { type Column, COLUMNS, PUPIL_COLUMNS } from './evaluations-template';
import { recordFieldsOf, validatePayload } from './line-payload';
import { hasPupilKey, matchPupil, PUPIL_KEY_HEADERS, rowWithoutPupil } from './line-pupil';
import { assertSecondDegree } from './second-degree-only';

type Line = CsvLine<Column>;

/** `12,5` or `12.5`; anything else as given. */
const mark = (value: string) => value.replace(',', '.');

function count(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^[0-9]+$/.test(value) ? Number(value) : value;
}

function yesNo(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const v = normaliseHeader(value);
  if (['oui', 'o', 'x', '1', 'vrai'].includes(v)) return true;
  if (['non', 'n', '0', 'faux'].includes(v)) return false;
  return value;
}

function referenceView(snapshot: SchoolSnapshot): ReferenceView {
  const read = readSiecleReference(snapshot);
  if (!read.ok) throw new ImportFileError(read.message);
  return {
    subjects: Object.fromEntries(Object.entries(read.reference.subjects).map(([code, s]) => [code, { label: s.label }])),
    teachers: Object.fromEntries(
      Object.entries(read.reference.teachers).map(([id, t]) => [id, { lastName: t.lastName, firstName: t.firstName }]),
    ),
  };
}

/** The file's period: every line must name the same one (one file per period). */
function periodOf(lines: readonly Line[]): Period {
  const byValue = new Map<string, number[]>();
  for (const l of lines) {
    const v = (l.get('period') ?? '').toUpperCase();
    byValue.set(v, [...(byValue.get(v) ?? []), l.line]);
  }
  if (byValue.size > 1) {
    const parts = [...byValue].map(
      ([v, ls]) => `${v || '(vide)'} ligne${ls.length > 1 ? 's' : ''} ${ls.slice(0, 5).join(', ')}${ls.length > 5 ? '…' : ''}`,
    );
    throw new ImportFileError(`un fichier par période : ce fichier en mêle plusieurs (${parts.join(' ; ')})`);
  }
  const value = [...byValue.keys()][0] ?? '';
  if (!isPeriod(value)) {
    throw new ImportFileError(`période « ${value} » (ligne ${lines[0]?.line}) invalide : T1, T2, T3, S1 ou S2 est attendue`);
  }
  return value;
}

/** What the line says of the pupil's period, as the commands' payloads (still to validate). */
function pupilPart(line: Line, base: Record<string, unknown>) {
  const synthesis =
    line.get('councilDate') !== undefined || line.get('synthesis') !== undefined || line.get('homework') !== undefined
      ? {
          ...base,
          councilDate: line.get('councilDate') === undefined ? undefined : isoDate(line.get('councilDate')!),
          synthesis: line.get('synthesis'),
          ...(line.get('homework') !== undefined ? { homework: line.get('homework') } : {}),
        }
      : undefined;
  const attendance = (['late', 'justified', 'unjustified', 'missedHours', 'lifeComment'] as const).some(
    (c) => line.get(c) !== undefined,
  )
    ? {
        ...base,
        lateArrivals: count(line.get('late')),
        justifiedAbsences: count(line.get('justified')),
        unjustifiedAbsences: count(line.get('unjustified')),
        ...(line.get('missedHours') !== undefined ? { missedHours: count(line.get('missedHours')) } : {}),
        ...(line.get('lifeComment') !== undefined ? { comment: line.get('lifeComment') } : {}),
      }
    : undefined;
  return { synthesis, attendance };
}

/**
 * What a rejected line takes down with it: the pupil columns it alone carries (the council's
 * synthesis, the vie scolaire) are not imported either, which the report must say, since
 * `--skip-rejected` imports the rest of the file.
 */
function lostPupilColumns(line: Line, taken: ReadonlyMap<string, { value: string }> | undefined): string {
  const alone = PUPIL_COLUMNS.filter((c) => line.get(c) !== undefined && taken?.get(c)?.value !== line.get(c));
  const parts = [
    alone.some((c) => c === 'councilDate' || c === 'synthesis' || c === 'homework') ? 'la synthèse du conseil' : undefined,
    alone.some((c) => c !== 'councilDate' && c !== 'synthesis' && c !== 'homework') ? 'la vie scolaire' : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return ` ; ${parts.join(' et ')} de cette ligne ${parts.length > 1 ? 'ne sont pas importées' : 'n’est pas importée'} non plus`;
}

/**
 * « Import des évaluations » (`livrets.evaluations`): one CSV file per period from the grade
 * book or a spreadsheet, following our template (docs/formats/livrets-csv.md). Each line is a
 * pupil's subject for the period (positioning or mark, appraisal, teachers by STS id); the
 * council's synthesis and the vie scolaire are pupil columns, given on one or every line of the
 * pupil. A line whose pupil is unknown is reported, not an error; a line that breaks a rule (a
 * subject outside the year's nomenclature, a teacher STS-web does not know, a pupil of another
 * division) is rejected with its line number, and the server refuses the whole file.
 */
export function evaluationsImporter(): Importer<ImportPlan> {
  return {
    formatId: EVALUATIONS_FORMAT_ID,
    displayName: 'Évaluations d’une période (CSV du logiciel de notes, modèle Liaison)',
    status: 'adapter',
    parse(bytes, context): ImportPlan {
      const { snapshot } = context;
      assertSecondDegree(snapshot);
      const table = readCsvTable(bytes, COLUMNS);
      const { index, unknown, lines } = table;
      const missing: string[] = missingColumns(COLUMNS, index).map((c) => COLUMNS[c].header);
      if (!hasPupilKey(index)) missing.push(PUPIL_KEY_HEADERS);
      if (missing.length > 0) {
        throw new ImportFileError(`colonne(s) manquante(s) : ${missing.join(', ')} (voir le modèle ${EVALUATIONS_FORMAT_ID})`);
      }
      if (lines.length === 0) throw new ImportFileError('aucune ligne d’évaluation sous l’en-tête');
      const period = periodOf(lines);
      const reference = referenceView(snapshot);
      const { uai, year } = context;

      /** The pupil-level values already taken for each pupil, with the line they came from. */
      const taken = new Map<string, Map<string, { value: string; line: number }>>();
      const subjectLines = new Map<string, number>();
      const rows: ImportRow[] = lines.map((line) => {
        const match = matchPupil({ eleveId: line.get('eleveId'), pupilId: line.get('pupilId') }, snapshot);
        const subjectCode = line.get('subject') ?? '';
        const subjectLabel = reference.subjects[subjectCode]?.label;
        const what = `${subjectCode}${subjectLabel ? ` ${subjectLabel}` : ''}`;
        if (match.kind !== 'pupil') return rowWithoutPupil(line, match, what);
        const pupil = match.pupil;
        const subject = `${pupilLabel(pupil, year)} — ${what}`;
        const base = { uai, year, pupilId: pupil.pupilId!, classCode: line.get('division'), period };
        try {
          // Pupil columns: one value per pupil, whichever of their lines carries it.
          const seen = taken.get(pupil.pupilId!) ?? new Map<string, { value: string; line: number }>();
          taken.set(pupil.pupilId!, seen);
          for (const column of PUPIL_COLUMNS) {
            const value = line.get(column);
            if (value === undefined) continue;
            const earlier = seen.get(column);
            if (earlier && earlier.value !== value) {
              throw new DomainError(
                'pupil_column_conflict',
                `${COLUMNS[column].header} « ${value} » diffère de « ${earlier.value} » (ligne ${earlier.line}) pour le même élève`,
                'rule',
              );
            }
          }
          const assessment = validatePayload(
            recordSubjectAssessmentPayload,
            {
              ...base,
              subjectCode,
              electionMode: line.get('mode') ?? 'S',
              teacherIds: (line.get('teachers') ?? '').split(/[\s,|]+/).filter(Boolean),
              ...(line.get('positioning') !== undefined ? { positioning: count(line.get('positioning')) } : {}),
              ...(line.get('average') !== undefined ? { average: mark(line.get('average')!) } : {}),
              ...(yesNo(line.get('notGraded')) !== undefined ? { notGraded: yesNo(line.get('notGraded')) } : {}),
              ...(line.get('classAverage') !== undefined ? { classAverage: mark(line.get('classAverage')!) } : {}),
              ...(line.get('appraisal') !== undefined ? { appraisal: line.get('appraisal') } : {}),
              ...(line.get('programme') !== undefined
                ? {
                    programmeElements: line
                      .get('programme')!
                      .split('|')
                      .map((e) => e.trim())
                      .filter(Boolean),
                  }
                : {}),
            },
            'évaluation',
          );
          // Two lines for one pupil's subject: the file contradicts itself, neither wins silently.
          const key = `${pupil.pupilId!}|${subjectKey(assessment.subjectCode, assessment.electionMode)}`;
          const first = subjectLines.get(key);
          if (first !== undefined) {
            throw new DomainError(
              'subject_line_repeated',
              `matière ${assessment.subjectCode} (modalité ${assessment.electionMode}) déjà donnée ligne ${first} pour le même élève`,
              'rule',
            );
          }
          subjectLines.set(key, line.line);
          assertPupilInDivision(pupil, assessment);
          assertSubjectKnown(reference, year, assessment.subjectCode);
          assertTeachersKnown(reference, year, assessment.teacherIds);
          const parts = pupilPart(line, base);
          const synthesis =
            parts.synthesis && validatePayload(recordPeriodSynthesisPayload, parts.synthesis, 'synthèse du conseil');
          const attendance = parts.attendance && validatePayload(recordAttendancePayload, parts.attendance, 'vie scolaire');
          for (const column of PUPIL_COLUMNS) {
            const value = line.get(column);
            if (value !== undefined && !seen.has(column)) seen.set(column, { value, line: line.line });
          }
          const record: PeriodRecord | undefined = pupilLivretOf(snapshot, pupil.pupilId!).periods[period];
          const current = record?.subjects[subjectKey(assessment.subjectCode, assessment.electionMode)];
          const commands: Command[] = [];
          if (!sameJson(current, recordFieldsOf(assessment)))
            commands.push({ type: 'RecordSubjectAssessment', payload: assessment });
          if (synthesis && !sameJson(record?.synthesis, recordFieldsOf(synthesis)))
            commands.push({ type: 'RecordPeriodSynthesis', payload: synthesis });
          if (attendance && !sameJson(record?.attendance, recordFieldsOf(attendance)))
            commands.push({ type: 'RecordAttendance', payload: attendance });
          if (commands.length === 0)
            return { ref: line.ref, outcome: 'unchanged', subject, message: `${periodLabel(period)} : déjà à jour` };
          const changes = [
            commands.some((c) => c.type === 'RecordSubjectAssessment') ? 'évaluation' : undefined,
            synthesis && commands.some((c) => c.type === 'RecordPeriodSynthesis') ? 'synthèse du conseil' : undefined,
            attendance && commands.some((c) => c.type === 'RecordAttendance') ? 'vie scolaire' : undefined,
          ].filter(Boolean);
          return {
            ref: line.ref,
            outcome: current === undefined ? 'create' : 'update',
            subject,
            message: `${periodLabel(period)} : ${changes.join(', ')}`,
            commands,
          };
        } catch (error) {
          if (error instanceof DomainError) {
            return {
              ref: line.ref,
              outcome: 'rejected',
              subject,
              message: error.message + lostPupilColumns(line, taken.get(pupil.pupilId!)),
            };
          }
          throw error;
        }
      });
      const notes = [`fichier ${context.fileName} : ${periodLabel(period)}, ${lines.length} ligne(s), ${describeTable(table)}`];
      if (unknown.length > 0) notes.push(`colonne(s) ignorée(s) : ${unknown.join(', ')}`);
      return { rows, notes, successMessage: `Import des évaluations du ${periodLabel(period)} réussi` };
    },
  };
}
