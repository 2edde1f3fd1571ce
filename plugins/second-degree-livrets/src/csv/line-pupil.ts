import { type ImportRow, pupilsOfYear, type PupilState, type SchoolSnapshot } from '@liaison/domain';
import { type CsvLine } from './csv-table';
import { type ColumnIndex, type ColumnSpec } from './csv-template';

/**
 * How a line of our CSV templates names its pupil and division: the same columns in every
 * template, and the same lookup, so a grade book exports them once for all our files.
 */
export const PUPIL_IDENTITY_COLUMNS = {
  division: { header: 'Division', aliases: ['division', 'classe'], required: true },
  eleveId: { header: 'ELEVE_ID', aliases: ['eleve id', 'identifiant siecle'], required: false },
  pupilId: { header: 'Identifiant', aliases: ['identifiant', 'identifiant liaison'], required: false },
  lastName: { header: 'Nom', aliases: ['nom'], required: false },
  firstName: { header: 'Prénom', aliases: ['prenom'], required: false },
} as const satisfies Record<string, ColumnSpec>;

type PupilColumn = keyof typeof PUPIL_IDENTITY_COLUMNS;

/** Either identifier will do, so « ELEVE_ID ou Identifiant » is required rather than each. */
export const PUPIL_KEY_HEADERS = 'ELEVE_ID ou Identifiant';
export const hasPupilKey = (index: ColumnIndex<PupilColumn>) => index.eleveId !== undefined || index.pupilId !== undefined;

export interface PupilKeys {
  eleveId?: string;
  pupilId?: string;
}

export type PupilMatch =
  | { kind: 'pupil'; pupil: PupilState }
  /** No pupil of the year: reported, not an error (a pupil who left, a file of another school). */
  | { kind: 'unmatched'; message: string }
  /** The identifiers contradict each other or name several pupils: the line is rejected. */
  | { kind: 'problem'; message: string };

/**
 * The pupil of the year a line names: by ELEVE_ID (what the grade book knows), else by Liaison's
 * id (a pupil SIECLE has not numbered yet). When both are given they must name the same pupil.
 */
export function matchPupil(keys: PupilKeys, snapshot: SchoolSnapshot): PupilMatch {
  const { eleveId, pupilId } = keys;
  const ofYear = pupilsOfYear(snapshot);
  const unmatched = (): PupilMatch => ({
    kind: 'unmatched',
    message: `aucun élève de l’année avec ${eleveId !== undefined ? `l’ELEVE_ID ${eleveId}` : `l’identifiant ${pupilId}`}`,
  });
  if (eleveId !== undefined) {
    const matches = ofYear.filter((p) => p.siecleId === eleveId);
    if (matches.length > 1) return { kind: 'problem', message: `ELEVE_ID ${eleveId} porté par plusieurs élèves` };
    const pupil = matches[0];
    if (pupil && pupilId !== undefined && pupil.pupilId !== pupilId) {
      return { kind: 'problem', message: `ELEVE_ID ${eleveId} est celui de l’élève ${pupil.pupilId}, pas de ${pupilId}` };
    }
    if (pupil) return { kind: 'pupil', pupil };
    if (pupilId === undefined) return unmatched();
  }
  if (pupilId !== undefined) {
    const pupil = ofYear.find((p) => p.pupilId === pupilId);
    return pupil ? { kind: 'pupil', pupil } : unmatched();
  }
  return { kind: 'problem', message: 'ni ELEVE_ID ni identifiant d’élève' };
}

/** « LEFÈVRE Éloïse » as the line writes it, to name a pupil the school does not know. */
export const namedOnLine = (lastName: string | undefined, firstName: string | undefined) =>
  [lastName?.toUpperCase(), firstName].filter(Boolean).join(' ');

/**
 * The report row of a line whose pupil is not one of the year (`unmatched`, reported) or whose
 * identifiers contradict each other (`rejected`), named as the line writes the pupil.
 */
export function rowWithoutPupil(
  line: CsvLine<PupilColumn>,
  match: Exclude<PupilMatch, { kind: 'pupil' }>,
  what: string,
): ImportRow {
  const named = namedOnLine(line.get('lastName'), line.get('firstName'));
  if (match.kind === 'problem')
    return { ref: line.ref, outcome: 'rejected', subject: `${named || 'élève ?'} — ${what}`, message: match.message };
  const subject = `${named || line.get('eleveId') || line.get('pupilId')} — ${what}`;
  return { ref: line.ref, outcome: 'unmatched', subject, message: match.message };
}
