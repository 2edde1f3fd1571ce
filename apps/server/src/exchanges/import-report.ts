import { type ImportRow } from '@liaison/domain';

export type ReportRow = Omit<ImportRow, 'commands'>;

export interface ImportReport {
  importId: string;
  formatId: string;
  uai: string;
  year: number;
  fileName: string;
  sha256: string;
  /** `imported`; `already-imported`: the same file was imported before, nothing was written; `refused`: rows were rejected, nothing was written. */
  status: 'imported' | 'already-imported' | 'refused';
  skippedRejected: boolean;
  counts: Record<ReportRow['outcome'], number>;
  rows: ReportRow[];
  notes: string[];
  successMessage?: string;
  /** Global positions written by this run (empty unless `imported`). */
  positions: number[];
}

export function countRows(rows: readonly ReportRow[]): ImportReport['counts'] {
  const counts = { create: 0, update: 0, unchanged: 0, unmatched: 0, rejected: 0 };
  for (const row of rows) counts[row.outcome]++;
  return counts;
}
