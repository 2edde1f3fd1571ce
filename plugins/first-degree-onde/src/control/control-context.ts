import { type Anomaly, type ClassState, type SchoolSnapshot } from '@liaison/domain';
import { type Be1dTables } from '../export/be1d-tables';
import { type OndeLabelTables } from '../options';
import { type PupilScope } from '../school/pupil-scope';

/** What every rule reads: computed once per control run. */
export interface ControlContext {
  snapshot: SchoolSnapshot;
  scope: PupilScope;
  tables: OndeLabelTables;
  /** Classes holding at least one checked pupil: an empty class is not in the file. */
  classesInUse: ClassState[];
  /** The cells the writer would write, for the checks on written values. */
  files: Be1dTables;
}

export type ControlRule = (context: ControlContext) => Anomaly[];

/** `years.2026.classCode`: the per-year fields of a pupil record, as screens name them. */
export const yearField = (context: ControlContext, field: string) => `years.${context.snapshot.year}.${field}`;
