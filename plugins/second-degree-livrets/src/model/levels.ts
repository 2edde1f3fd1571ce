import { type ClassState, type PupilState, type SchoolSnapshot } from '@liaison/domain';

/**
 * Which livret a pupil's year belongs to: LSU for the collège (6e–3e), LSL for the classes de
 * première. Decided in this one module from the MEF's « dispositif de formation » (its first
 * three digits: 100 6e, 101 5e, 102 4e, 103 3e, 201 1re générale, 211 1re technologique —
 * SIECLE FORMAT.md §13). SIECLE advises reading a MEF's meaning from the nomenclature rather
 * than its digits, but no nomenclature field states the level; this deduction is an ASSUMPTION,
 * documented in docs/formats/lsu.md, and only decides which file a pupil goes to and which
 * cycle ends in their year.
 */
export type LivretLevel =
  { livret: 'lsu'; name: '6e' | '5e' | '4e' | '3e'; cycle: 3 | 4; endsCycle: boolean } | { livret: 'lsl'; name: '1re' };

const LEVELS: Readonly<Record<string, LivretLevel>> = {
  '100': { livret: 'lsu', name: '6e', cycle: 3, endsCycle: true },
  '101': { livret: 'lsu', name: '5e', cycle: 4, endsCycle: false },
  '102': { livret: 'lsu', name: '4e', cycle: 4, endsCycle: false },
  '103': { livret: 'lsu', name: '3e', cycle: 4, endsCycle: true },
  '201': { livret: 'lsl', name: '1re' },
  '211': { livret: 'lsl', name: '1re' },
};

export function levelOfMef(mefCode: string | undefined): LivretLevel | undefined {
  if (mefCode === undefined || !/^[0-9]{11}$/.test(mefCode)) return undefined;
  return LEVELS[mefCode.slice(0, 3)];
}

/** The pupil's formation in the year: their own, else their class's first. */
export function formationOf(pupil: PupilState, year: number, classes: readonly ClassState[]): string | undefined {
  const y = pupil.years[year];
  if (!y) return undefined;
  if (y.formationCode) return y.formationCode;
  return classes.find((c) => c.classCode === y.classCode)?.formations[0];
}

export function levelOfPupil(snapshot: SchoolSnapshot, pupil: PupilState): LivretLevel | undefined {
  return levelOfMef(formationOf(pupil, snapshot.year, snapshot.classes));
}

/** The level of a class: its first formation's. */
export const levelOfClass = (klass: ClassState): LivretLevel | undefined => levelOfMef(klass.formations[0]);
