/** `import-<UAI>-<formatId>`: the files imported in that format, by school year and hash. */
export interface ImportLedgerState {
  /** `${year}:${sha256}` → importId */
  imported: Record<string, string>;
}

export const initialImportLedgerState = (): ImportLedgerState => ({ imported: {} });

export interface ExportSummary {
  exportId: string;
  year: number;
  asOf: number;
  producedAt: string;
}

/** `export-<UAI>-<formatId>`: the exports of that format, in order. */
export interface ExportLedgerState {
  exports: ExportSummary[];
  downloads: number;
}

export const initialExportLedgerState = (): ExportLedgerState => ({ exports: [], downloads: 0 });
