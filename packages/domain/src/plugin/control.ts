import { type ControlReport } from './anomaly';
import { type SchoolSnapshot } from './school-snapshot';

/** A set of rules run against a snapshot: `liaison control <id>`. */
export interface Control {
  /** Usually the plugin id. */
  readonly id: string;
  readonly displayName: string;
  run(snapshot: SchoolSnapshot): ControlReport;
}
