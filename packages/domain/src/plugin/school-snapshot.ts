import { type ClassState } from '../class/class-state';
import { type EstablishmentState } from '../establishment/establishment-state';
import { type GuardianState } from '../guardian/guardian-state';
import { type PupilState } from '../pupil/pupil-state';
import { type YearState } from '../year/year-state';

/**
 * One establishment's year as the deciders see it, at one global position: what controls,
 * importers and exporters read. The server builds it from the folded states, live or as of a
 * past position, so a plugin never needs the server's tables.
 */
export interface SchoolSnapshot {
  uai: string;
  year: number;
  /** The global position the snapshot reflects (inclusive). */
  asOf: number;
  /** `recordedAt` of the event at `asOf`: the "as of" time of anything built from the snapshot. */
  asOfTime: string;
  establishment: EstablishmentState;
  /** The year's stream: opened or not, and its nomenclatures. */
  schoolYear: YearState;
  /** The classes of the year, by code order. */
  classes: ClassState[];
  /** Every registered pupil of the establishment (a pupil *of the year* has `years[year]`). */
  pupils: PupilState[];
  /** Guardian persons of the establishment, by guardianId. */
  guardians: Record<string, GuardianState>;
  /**
   * The folded states of the plugins' own streams of this establishment (kinds declared in
   * `LiaisonPlugin.aggregates`), by stream id: a plugin reads what it recorded (ids assigned
   * for a send, imported code lists) at the same position as the rest.
   */
  pluginStates: Record<string, unknown>;
}

/** The pupils of the snapshot's year: enrolled, pre-enrolled or exited during it. */
export function pupilsOfYear(snapshot: SchoolSnapshot): PupilState[] {
  return snapshot.pupils.filter((p) => p.years[snapshot.year] !== undefined);
}
