import {
  type ClassState,
  type ExcludedPupil,
  type PupilState,
  type PupilYear,
  pupilsOfYear,
  type SchoolSnapshot,
} from '@liaison/domain';
import { compareText, normaliseName } from '../text/normalise';
import { pupilLabel } from './pupil-label';

/** A pupil the control checks and the export writes: enrolled, or exited during the year. */
export interface ScopedPupil {
  pupilId: string;
  pupil: PupilState;
  year: PupilYear;
  classCode: string;
  /** Undefined when the class code names no class of the year (the control flags it). */
  klass?: ClassState;
  /** « NOM Prénom (libellé de classe) », for anomalies and messages. */
  label: string;
}

export interface PupilScope {
  checked: ScopedPupil[];
  excluded: ExcludedPupil[];
}

export const EXCLUDED_WITHOUT_CLASS = 'sans classe : ne sera pas exporté';
export const EXCLUDED_PRE_ENROLLED = 'préinscrit, non exporté';

/**
 * Splits the pupils of the year as the seed's procedure does: pupils without a class « ne
 * seront pas exportés » and pre-enrolled pupils are not in ONDE yet; both are listed apart and
 * never block. Enrolled pupils and those who exited during the year (with their `Date
 * radiation`) are checked and exported: every export holds all of them (FORMAT.md §8 rule 19).
 * Checked pupils come in file order: class order, then name, then id.
 */
export function pupilScope(snapshot: SchoolSnapshot): PupilScope {
  const classIndex = new Map(snapshot.classes.map((c, index) => [c.classCode, index]));
  const checked: ScopedPupil[] = [];
  const excluded: ExcludedPupil[] = [];
  for (const pupil of pupilsOfYear(snapshot)) {
    const year = pupil.years[snapshot.year];
    const pupilId = pupil.pupilId;
    if (!year || pupilId === undefined) continue;
    const klass = year.classCode === undefined ? undefined : snapshot.classes.find((c) => c.classCode === year.classCode);
    const label = pupilLabel(pupil, klass?.label ?? year.classCode);
    if (year.classCode === undefined) {
      excluded.push({ pupilId, label, reason: EXCLUDED_WITHOUT_CLASS });
    } else if (year.status === 'preinscrit') {
      excluded.push({ pupilId, label, reason: EXCLUDED_PRE_ENROLLED });
    } else {
      checked.push({ pupilId, pupil, year, classCode: year.classCode, ...(klass ? { klass } : {}), label });
    }
  }
  const key = (p: ScopedPupil) => [
    String(classIndex.get(p.classCode) ?? Number.MAX_SAFE_INTEGER).padStart(16, '0'),
    normaliseName(p.pupil.identity?.lastName ?? ''),
    normaliseName(p.pupil.identity?.firstName ?? ''),
    p.pupilId,
  ];
  checked.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i += 1) {
      const order = compareText(ka[i] ?? '', kb[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
  excluded.sort((a, b) => compareText(a.label, b.label) || compareText(a.pupilId, b.pupilId));
  return { checked, excluded };
}
