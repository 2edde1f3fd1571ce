import { type EventData, ExportDownloaded, ExportProduced, FileImported } from '@liaison/events';
import { type DomainEvent } from '../decider';
import { type ExportLedgerState, type ImportLedgerState } from './ledger-state';

export function evolveImportLedger(state: ImportLedgerState, event: DomainEvent): ImportLedgerState {
  if (event.type !== FileImported.type) return state;
  const d = event.data as EventData<typeof FileImported>;
  return { imported: { ...state.imported, [`${d.year}:${d.sha256}`]: d.importId } };
}

export function evolveExportLedger(state: ExportLedgerState, event: DomainEvent): ExportLedgerState {
  switch (event.type) {
    case ExportProduced.type: {
      const d = event.data as EventData<typeof ExportProduced>;
      return {
        ...state,
        exports: [...state.exports, { exportId: d.exportId, year: d.year, asOf: d.asOf, producedAt: d.producedAt }],
      };
    }
    case ExportDownloaded.type:
      return { ...state, downloads: state.downloads + 1 };
    default:
      return state;
  }
}
