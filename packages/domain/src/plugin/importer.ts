import { type Command } from '../commands/command';
import { type SchoolSnapshot } from './school-snapshot';

/** A file the importer cannot take at all: unreadable, malformed, another UAI or year (exit 2). */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/**
 * One row (or element) of an imported file and what it becomes. `ref` tells a person where it
 * is: « ligne 12 », « MEF 10010012110 ». Rows that match no pupil are reported, not errors.
 */
export interface ImportRow {
  ref: string;
  outcome: 'create' | 'update' | 'unchanged' | 'unmatched' | 'rejected';
  /** What the row is about, for the report: « LEFÈVRE Éloïse », « langue ENG ». */
  subject: string;
  /** French detail: the reason of a rejection, what was matched or changed. */
  message?: string;
  /** The commands that apply the row (none for unchanged, unmatched and rejected rows). */
  commands?: Command[];
}

export interface ImportPlan {
  rows: ImportRow[];
  /** General remarks for the report (« fichier sans colonne INE »…). */
  notes: string[];
  /** A success line the seed's procedure shows, e.g. « Import des langues réussi ». */
  successMessage?: string;
}

export interface ImportContext {
  uai: string;
  year: number;
  fileName: string;
  /** The establishment and year as they are before the import. */
  snapshot: SchoolSnapshot;
}

/** What `parse` answers: a plan, or the promise of one for an importer that reads asynchronously. */
export type ImportPlanResult = ImportPlan | Promise<ImportPlan>;

/**
 * An import format. `Result` says whether this importer answers synchronously (`ImportPlan`) or
 * not (`Promise<ImportPlan>`); a plugin's list takes both, and the server always awaits.
 */
export interface Importer<Result extends ImportPlanResult = ImportPlanResult> {
  readonly formatId: string;
  readonly displayName: string;
  readonly status: 'official' | 'adapter';
  /** The file imported when none is given (a shipped default nomenclature). */
  defaultFile?(): { name: string; bytes: Uint8Array };
  /**
   * Reads the bytes into commands; throws (or rejects with) `ImportFileError` when the file
   * cannot be taken. May answer asynchronously (archive libraries such as jszip only read that way).
   */
  parse(bytes: Uint8Array, context: ImportContext): Result;
}
