import { type ClassState } from '../class/class-state';
import { type SchoolSnapshot } from '../plugin/school-snapshot';
import { type PupilState } from '../pupil/pupil-state';
import { diffStates, type FieldChange } from './state-diff';

export interface DiffPupil {
  pupilId: string;
  /** « LEFÈVRE Éloïse », as of the later snapshot (or the earlier one for a removed pupil). */
  name: string;
}

export interface SnapshotDiff {
  uai: string;
  year: number;
  fromAsOf: number;
  toAsOf: number;
  pupils: {
    added: DiffPupil[];
    removed: DiffPupil[];
    changed: Array<DiffPupil & { fields: FieldChange[] }>;
  };
  classes: {
    added: string[];
    removed: string[];
    changed: Array<{ classCode: string; fields: FieldChange[] }>;
  };
  /** The establishment and the year's nomenclature. */
  establishment: FieldChange[];
}

/**
 * Which pupils of a snapshot an export holds. By default those PRODUCT.md says exports cover:
 * enrolled in the year or exited during it (pre-enrolled pupils are not exported).
 */
export type PupilFilter = (pupil: PupilState, snapshot: SchoolSnapshot) => boolean;

export const exportedPupils: PupilFilter = (pupil, snapshot) => {
  const status = pupil.years[snapshot.year]?.status;
  return status === 'inscrit' || status === 'sorti';
};

const nameOf = (p: PupilState) =>
  p.identity ? `${p.identity.lastName.toLocaleUpperCase('fr-FR')} ${p.identity.firstName}` : (p.pupilId ?? '');

/**
 * A pupil as an export of the year sees it: identity, national ids, the year's record, and
 * each guardian with the person behind it (a guardian's new address is a change of the pupil's
 * file). Other years, the next-year plan and the classes left are left out: no export of the
 * year holds them.
 */
function exportView(p: PupilState, snapshot: SchoolSnapshot): unknown {
  const guardians = Object.fromEntries(
    Object.entries(p.guardians).map(([id, relation]) => [id, { ...relation, person: snapshot.guardians[id]?.person }]),
  );
  // The « An prochain » plan is not part of any export file, nor the classes left during the
  // year (the change of class is already the class's before → after).
  const { plan: _plan, formerClassCodes: _former, ...year } = p.years[snapshot.year] ?? { plan: undefined };
  return { identity: p.identity, ine: p.ine, siecleId: p.siecleId, guardians, year };
}

const classView = (c: ClassState) => ({
  label: c.label,
  rectoratCode: c.rectoratCode,
  contractType: c.contractType,
  classType: c.classType,
  formations: c.formations,
  closedOn: c.closedOn,
});

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What differs between two states of the same establishment and year — two exports' snapshots
 * at their `asOf`, or the last export's and the live one: pupils added, removed and changed
 * field by field, classes likewise. Computed from the states, never from the files' bytes, so
 * it reads the same whatever the format.
 */
export function diffSnapshots(
  before: SchoolSnapshot,
  after: SchoolSnapshot,
  included: PupilFilter = exportedPupils,
): SnapshotDiff {
  const pupilsOf = (s: SchoolSnapshot) =>
    new Map(s.pupils.filter((p) => p.pupilId !== undefined && included(p, s)).map((p) => [p.pupilId!, p]));
  const a = pupilsOf(before);
  const b = pupilsOf(after);
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort(byText);
  const added: DiffPupil[] = [];
  const removed: DiffPupil[] = [];
  const changed: SnapshotDiff['pupils']['changed'] = [];
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    if (!x) added.push({ pupilId: id, name: nameOf(y!) });
    else if (!y) removed.push({ pupilId: id, name: nameOf(x) });
    else {
      const fields = diffStates(exportView(x, before), exportView(y, after));
      if (fields.length > 0) changed.push({ pupilId: id, name: nameOf(y), fields });
    }
  }
  const classesOf = (s: SchoolSnapshot) =>
    new Map(s.classes.filter((c) => c.classCode !== undefined).map((c) => [c.classCode!, c]));
  const ca = classesOf(before);
  const cb = classesOf(after);
  const classCodes = [...new Set([...ca.keys(), ...cb.keys()])].sort(byText);
  const classes: SnapshotDiff['classes'] = { added: [], removed: [], changed: [] };
  for (const code of classCodes) {
    const x = ca.get(code);
    const y = cb.get(code);
    if (!x) classes.added.push(code);
    else if (!y) classes.removed.push(code);
    else {
      const fields = diffStates(classView(x), classView(y));
      if (fields.length > 0) classes.changed.push({ classCode: code, fields });
    }
  }
  return {
    uai: after.uai,
    year: after.year,
    fromAsOf: before.asOf,
    toAsOf: after.asOf,
    pupils: { added, removed, changed },
    classes,
    establishment: diffStates(
      { establishment: before.establishment, nomenclature: before.schoolYear },
      { establishment: after.establishment, nomenclature: after.schoolYear },
    ),
  };
}
