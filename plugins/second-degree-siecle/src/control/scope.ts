import {
  type ClassState,
  type ExcludedPupil,
  type GuardianState,
  type PupilState,
  type PupilYear,
  pupilsOfYear,
  type SchoolSnapshot,
} from '@liaison/domain';

/** A pupil the SIECLE file holds: enrolled, or leaving (exited during the year). */
export interface SentPupilScope {
  pupilId: string;
  pupil: PupilState;
  year: PupilYear;
  /** Exited during the year: written as `ELEVE_SORTANT`. */
  leaving: boolean;
  /** The pupil's class of the year, when its code names one. */
  klass?: ClassState;
  /** « DUPONT Léa (6e A) ». */
  label: string;
}

export interface SiecleScope {
  /** In `pupilId` order (code-point order, as ids are assigned). */
  sent: SentPupilScope[];
  /** Pre-enrolled pupils: not sent, listed apart, never blocking. */
  excluded: ExcludedPupil[];
}

export const EXCLUDED_PRE_ENROLLED = 'préinscrit : non envoyé à SIECLE';

export const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** « DUPONT Léa (6e A) », the class by its label. */
export function pupilLabel(pupil: PupilState, classLabel?: string): string {
  const identity = pupil.identity;
  const name = identity ? `${identity.lastName.toUpperCase()} ${identity.firstName}`.trim() : '';
  const shown = name === '' ? `élève ${pupil.pupilId ?? '?'}` : name;
  return classLabel ? `${shown} (${classLabel})` : shown;
}

/** « Mme LEFÈVRE Hélène ». */
export function guardianLabel(guardianId: string, guardian: GuardianState | undefined): string {
  const person = guardian?.person;
  if (!person) return `responsable ${guardianId}`;
  return `${person.civility === 'MME' ? 'Mme' : 'M.'} ${person.lastName.toUpperCase()} ${person.firstName}`;
}

/**
 * Who the private import holds. The file is a complete list, not a delta (FORMAT.md §8.1): every
 * pupil enrolled in the year and every pupil who left during it. Pre-enrolled pupils are not in
 * SIECLE yet.
 */
export function siecleScope(snapshot: SchoolSnapshot): SiecleScope {
  const sent: SentPupilScope[] = [];
  const excluded: ExcludedPupil[] = [];
  for (const pupil of pupilsOfYear(snapshot)) {
    const year = pupil.years[snapshot.year];
    const pupilId = pupil.pupilId;
    if (!year || pupilId === undefined) continue;
    const klass = year.classCode === undefined ? undefined : snapshot.classes.find((c) => c.classCode === year.classCode);
    const label = pupilLabel(pupil, klass?.label ?? year.classCode);
    if (year.status === 'preinscrit') excluded.push({ pupilId, label, reason: EXCLUDED_PRE_ENROLLED });
    else sent.push({ pupilId, pupil, year, leaving: year.status === 'sorti', ...(klass ? { klass } : {}), label });
  }
  sent.sort((a, b) => byCodePoints(a.pupilId, b.pupilId));
  excluded.sort((a, b) => byCodePoints(a.pupilId, b.pupilId));
  return { sent, excluded };
}
