import { type Command } from '../commands/command';
import { type Anomaly } from './anomaly';
import { type SchoolSnapshot } from './school-snapshot';

/** A file of an export, by its path relative to the export folder (`BE1D/0750680G/0750680G.zip`). */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * An XML document of the export (possibly inside a zip) and the official schema it must
 * satisfy: the server validates it with a real XSD validator before anything is written.
 */
export interface XmlDocument {
  name: string;
  bytes: Uint8Array;
  /** Absolute path of the XSD shipped with the plugin. */
  xsdPath: string;
}

export interface ExportBuild {
  files: ExportFile[];
  counts: Record<string, number>;
  xmlDocuments?: XmlDocument[];
}

export interface ExportPlan {
  /** Errors that forbid the export (exit 3). */
  blocking: Anomaly[];
  warnings: Anomaly[];
  /** What would be exported: `pupils`, `guardians`, `excluded`… */
  counts: Record<string, number>;
}

export interface ExportBuildContext {
  exportId: string;
  /** The "as of" instant of the export: the `recordedAt` of its `asOf` event. */
  producedAt: string;
}

export interface Exporter {
  readonly formatId: string;
  readonly displayName: string;
  readonly status: 'official' | 'adapter';
  /**
   * Commands to apply before building (ids to assign for this send), decided on the live
   * snapshot; the export is then built as of the position after them.
   */
  prepare?(snapshot: SchoolSnapshot): Command[];
  /**
   * Event types this exporter records for its own sends (ids assigned, send numbers): they
   * are bookkeeping, never listed among the changes an export carries.
   */
  readonly bookkeepingEventTypes?: readonly string[];
  /**
   * The streams whose changes the export carries (its ledger's « changes since the last export »,
   * and for pupil streams, which pupils the file covers), as a predicate built once per snapshot.
   * Without it: `core` (`defaultExportScope`: the establishment, the year, its classes, the
   * pupils of the year and their guardians). An exporter narrows it (a file for some levels
   * only) or extends it with its plugin's own streams.
   */
  scope?(snapshot: SchoolSnapshot, core: (streamId: string) => boolean): (streamId: string) => boolean;
  plan(snapshot: SchoolSnapshot): ExportPlan;
  /**
   * Pure: the same snapshot and context give the same bytes. May answer asynchronously (archive
   * libraries such as jszip only generate that way).
   */
  build(snapshot: SchoolSnapshot, context: ExportBuildContext): ExportBuild | Promise<ExportBuild>;
}
