import { parisDateOf, type PupilYear, pupilsOfYear, type SchoolSnapshot } from '@liaison/domain';
import { divisionCodeOf, yearBounds } from '../export/import-prive-document';
import { byCodePoints } from '../control/scope';

export interface HeadCount {
  total: number;
  boys: number;
  girls: number;
}

export interface MefHeadCount extends HeadCount {
  /** The MEF code; empty for pupils whose MEF is not known. */
  mef: string;
  /** Its label in the year's nomenclature, when declared there. */
  label?: string;
}

export interface DivisionHeadCount extends HeadCount {
  classCode: string;
  /** The division code SIECLE knows (code rectorat, else the class code). */
  division: string;
  label: string;
  /** The division's count split by MEF (a division may hold several). */
  byMef: MefHeadCount[];
}

/** Head-counts of the year at one date: the start-of-year count (« effectifs par MEF et par division »). */
export interface Effectifs {
  uai: string;
  year: number;
  /** The snapshot's position. */
  asOf: number;
  /** The date counted (YYYY-MM-DD): the snapshot's Paris day, brought inside the school year. */
  date: string;
  total: HeadCount;
  byMef: MefHeadCount[];
  byDivision: DivisionHeadCount[];
  /** Pupils counted whose MEF is unknown (they count in their division and in the total). */
  withoutMef: number;
  /** Pre-enrolled pupils of the year: not counted. */
  preEnrolled: number;
}

const empty = (): HeadCount => ({ total: 0, boys: 0, girls: 0 });

function add(count: HeadCount, sex: 'M' | 'F' | undefined): void {
  count.total += 1;
  if (sex === 'M') count.boys += 1;
  else if (sex === 'F') count.girls += 1;
}

/**
 * The date a count is taken at: the snapshot's day in Paris, or the first or last day of the
 * school year when the snapshot lies before or after it (a count prepared in June for the
 * coming rentrée counts the pupils enrolled for 1 September).
 */
export function countDate(snapshot: SchoolSnapshot): string {
  const { start, end } = yearBounds(snapshot.year);
  const day = parisDateOf(snapshot.asOfTime);
  return day < start ? start : day > end ? end : day;
}

/** Whether the pupil is at school on `date`: enrolled (or since left), entered by then and not yet gone. */
export function presentOn(year: PupilYear, date: string): boolean {
  if (year.status === 'preinscrit') return false;
  if (year.entryDate !== undefined && year.entryDate > date) return false;
  return !(year.status === 'sorti' && year.exitDate !== undefined && year.exitDate <= date);
}

/**
 * Pure: the head-counts per MEF and per division of the snapshot's year, at `date` (default
 * `countDate`). A pupil counts in the MEF of their own formation, else of their class when it
 * has one MEF. Every class of the year is listed, empty ones included.
 */
export function effectifs(snapshot: SchoolSnapshot, date: string = countDate(snapshot)): Effectifs {
  const formations = snapshot.schoolYear.formations;
  const total = empty();
  const byMef = new Map<string, MefHeadCount>();
  const mefCount = (map: Map<string, MefHeadCount>, mef: string): MefHeadCount => {
    let c = map.get(mef);
    if (!c) {
      const label = formations[mef]?.label;
      c = { mef, ...(label === undefined ? {} : { label }), ...empty() };
      map.set(mef, c);
    }
    return c;
  };
  const divisions = new Map<string, { count: DivisionHeadCount; mefs: Map<string, MefHeadCount> }>();
  for (const klass of snapshot.classes) {
    if (klass.classCode === undefined) continue;
    const mefs = new Map<string, MefHeadCount>();
    for (const mef of klass.formations) {
      mefCount(mefs, mef);
      mefCount(byMef, mef);
    }
    divisions.set(klass.classCode, {
      count: {
        classCode: klass.classCode,
        division: divisionCodeOf(klass) ?? klass.classCode,
        label: klass.label ?? klass.classCode,
        byMef: [],
        ...empty(),
      },
      mefs,
    });
  }
  let withoutMef = 0;
  let preEnrolled = 0;
  for (const pupil of pupilsOfYear(snapshot)) {
    const year = pupil.years[snapshot.year]!;
    if (year.status === 'preinscrit') {
      preEnrolled += 1;
      continue;
    }
    if (!presentOn(year, date)) continue;
    const sex = pupil.identity?.sex;
    const klass = snapshot.classes.find((c) => c.classCode === year.classCode);
    const mef = year.formationCode ?? (klass?.formations.length === 1 ? klass.formations[0] : undefined);
    add(total, sex);
    if (mef === undefined) withoutMef += 1;
    add(mefCount(byMef, mef ?? ''), sex);
    const division = year.classCode === undefined ? undefined : divisions.get(year.classCode);
    if (division) {
      add(division.count, sex);
      add(mefCount(division.mefs, mef ?? ''), sex);
    }
  }
  const sortMefs = (map: Map<string, MefHeadCount>) => [...map.values()].sort((a, b) => byCodePoints(a.mef, b.mef));
  return {
    uai: snapshot.uai,
    year: snapshot.year,
    asOf: snapshot.asOf,
    date,
    total,
    byMef: sortMefs(byMef),
    byDivision: [...divisions.values()].map(({ count, mefs }) => ({ ...count, byMef: sortMefs(mefs) })),
    withoutMef,
    preEnrolled,
  };
}
