import {
  type Importer,
  ImportFileError,
  type ImportPlan,
  type ImportRow,
  inspectIne,
  type PupilState,
  pupilsOfYear,
  toFrenchDate,
} from '@liaison/domain';
import { EXTRACTION_FORMAT_ID, SECOND_DEGREE_REFUSAL } from '../plugin-id';
import { pupilLabel } from '../school/pupil-label';
import { compareText } from '../text/normalise';
import { type ExtractionPupil, readPupilExtraction } from './extraction-reader';
import { PupilMatcher } from './pupil-matcher';

export const NO_INE_NOTE = 'ce fichier ne contient pas d’INE : aucun INE à intégrer (extraction Base élèves antérieure à ONDE ?)';

const subjectOf = (row: ExtractionPupil) => `${row.lastName} ${row.firstName}, né(e) le ${toFrenchDate(row.birthDate)}`;
const who = (pupil: PupilState) => `${pupilLabel(pupil)} (${pupil.pupilId})`;

/**
 * « ONDE Intégration des INE des élèves du 1er degré »: reads an ONDE pupil extraction and
 * gives each of our pupils of the year the INE ONDE attributed, when exactly one pupil matches
 * (family or usage name, first name, birth date). No match or several matches: reported, never
 * guessed. A malformed INE, or one another pupil already holds, is rejected with the reason.
 */
export function extractionImporter(): Importer<ImportPlan> {
  return {
    formatId: EXTRACTION_FORMAT_ID,
    displayName: 'Extraction des élèves ONDE (intégration des INE)',
    // Reading side of a real, observed format (FORMAT.md §4.2).
    status: 'official',
    parse(bytes, context): ImportPlan {
      const { snapshot } = context;
      if (snapshot.establishment.degree === 'second') throw new ImportFileError(SECOND_DEGREE_REFUSAL);
      const extraction = readPupilExtraction(bytes);
      const notes = [
        `fichier ${context.fileName} lu en ${extraction.encoding === 'utf-8' ? 'UTF-8' : 'ISO-8859-15'} : ${extraction.pupils.length} élève(s)`,
        ...extraction.ignored.filter((i) => i.ine === undefined).map((i) => `ligne ${i.line} : ${i.reason}`),
      ];
      if (!extraction.hasIne) return { rows: [], notes: [NO_INE_NOTE, ...notes] };

      const rows: ImportRow[] = extraction.ignored
        .filter((i) => i.ine !== undefined)
        .map((i) => ({ ref: `ligne ${i.line}`, outcome: 'rejected', subject: `INE ${i.ine}`, message: i.reason }));
      const matcher = new PupilMatcher(pupilsOfYear(snapshot));
      const holders = new Map(snapshot.pupils.filter((p) => p.ine !== undefined).map((p) => [p.ine as string, p]));
      // What this file already gave: INE → pupil and pupil → INE, with the line, for repeated lines.
      const givenIne = new Map<string, { pupilId: string; line: number }>();
      const givenPupil = new Map<string, { ine: string; line: number }>();
      let withoutIne = 0;

      for (const row of extraction.pupils) {
        if (row.ine === undefined) {
          withoutIne += 1;
          continue;
        }
        const ine = row.ine.toUpperCase();
        const base = { ref: `ligne ${row.line}`, subject: subjectOf(row) };
        const inspection = inspectIne(ine);
        if (!inspection.valid) {
          rows.push({ ...base, outcome: 'rejected', message: inspection.message ?? `INE « ${ine} » invalide` });
          continue;
        }
        const candidates = matcher.candidates(row).sort((a, b) => compareText(a.pupilId ?? '', b.pupilId ?? ''));
        if (candidates.length === 0) {
          rows.push({
            ...base,
            outcome: 'unmatched',
            message: 'aucun élève de l’année ne correspond (nom, prénom et date de naissance)',
          });
          continue;
        }
        if (candidates.length > 1) {
          rows.push({
            ...base,
            outcome: 'unmatched',
            message: `plusieurs élèves correspondent (${candidates.map(who).join(', ')}) : INE non attribué, à saisir dans la bonne fiche`,
          });
          continue;
        }
        const pupil = candidates[0] as PupilState;
        const pupilId = pupil.pupilId ?? '';
        const warning = inspection.message ? ` (${inspection.message})` : '';
        const earlierForPupil = givenPupil.get(pupilId);
        const earlierForIne = givenIne.get(ine);
        if (earlierForPupil) {
          rows.push(
            earlierForPupil.ine === ine
              ? { ...base, outcome: 'unchanged', message: `ligne en double : INE déjà traité ligne ${earlierForPupil.line}` }
              : {
                  ...base,
                  outcome: 'rejected',
                  message: `${who(pupil)} reçoit déjà l’INE ${earlierForPupil.ine} ligne ${earlierForPupil.line} : deux INE pour un même élève`,
                },
          );
          continue;
        }
        if (earlierForIne) {
          rows.push({
            ...base,
            outcome: 'rejected',
            message: `INE ${ine} déjà attribué ligne ${earlierForIne.line} à l’élève ${earlierForIne.pupilId}`,
          });
          continue;
        }
        const holder = holders.get(ine);
        if (holder && holder.pupilId !== pupilId) {
          rows.push({
            ...base,
            outcome: 'rejected',
            message: `INE ${ine} déjà porté par ${who(holder)} : vérifiez les deux fiches`,
          });
          continue;
        }
        givenPupil.set(pupilId, { ine, line: row.line });
        givenIne.set(ine, { pupilId, line: row.line });
        if (pupil.ine === ine) {
          rows.push({ ...base, outcome: 'unchanged', message: `${who(pupil)} a déjà cet INE` });
          continue;
        }
        rows.push({
          ...base,
          outcome: 'update',
          message: pupil.ine
            ? `INE ${ine} remplace ${pupil.ine} pour ${who(pupil)}${warning}`
            : `INE ${ine} attribué à ${who(pupil)}${warning}`,
          commands: [{ type: 'AssignNationalId', payload: { uai: context.uai, pupilId, ine } }],
        });
      }
      if (withoutIne > 0) notes.push(`${withoutIne} élève(s) du fichier sans INE (INE en attente dans ONDE)`);
      rows.sort((a, b) => lineNumber(a) - lineNumber(b));
      const count = (outcome: ImportRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
      return {
        rows,
        notes,
        successMessage: `Intégration des INE : ${count('update')} à attribuer, ${count('unchanged')} déjà à jour, ${count('unmatched')} non rapproché(s), ${count('rejected')} refusé(s)`,
      };
    },
  };
}

const lineNumber = (row: ImportRow) => Number(/\d+/.exec(row.ref)?.[0] ?? 0);
