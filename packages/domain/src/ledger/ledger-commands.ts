import { ExportDownloaded, exportFileShape, ExportProduced, FileImported, importReportRowShape } from '@liaison/events';
import { z } from 'zod';
import { type Command, defineCommand } from '../commands/command';
import { accept, type Decider } from '../decider';
import { RuleViolationError } from '../errors';
import { streamIds } from '../streams';
import { schoolYearSchema, uaiSchema } from '../values';
import { evolveExportLedger, evolveImportLedger } from './ledger-evolve';
import {
  type ExportLedgerState,
  type ImportLedgerState,
  initialExportLedgerState,
  initialImportLedgerState,
} from './ledger-state';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const recordImportPayload = z.object({
  importId: z.string().min(1),
  formatId: z.string().min(1),
  uai: uaiSchema,
  year: schoolYearSchema,
  fileName: z.string().min(1),
  sha256,
  size: z.number().int().nonnegative(),
  skippedRejected: z.boolean(),
  rows: z.array(importReportRowShape),
  notes: z.array(z.string()),
  successMessage: z.string().optional(),
});
export type RecordImport = z.infer<typeof recordImportPayload>;

const importLedgerDecider: Decider<Command<'RecordImport', RecordImport>, ImportLedgerState> = {
  initialState: initialImportLedgerState,
  evolve: evolveImportLedger,
  decide(command, state) {
    const p = command.payload;
    if (state.imported[`${p.year}:${p.sha256}`]) {
      throw new RuleViolationError(
        'file_already_imported',
        `ce fichier a déjà été importé pour ${p.year} (import ${state.imported[`${p.year}:${p.sha256}`]})`,
      );
    }
    return accept([FileImported.create(p)]);
  },
};

/** The report of an import, recorded by the server with the import's commands. */
export const RecordImportCommand = defineCommand({
  type: 'RecordImport',
  internal: true,
  payload: recordImportPayload,
  decider: importLedgerDecider,
  streamId: (p) => streamIds.import(p.uai, p.formatId),
});

export const recordExportPayload = z.object({
  exportId: z.string().min(1),
  formatId: z.string().min(1),
  uai: uaiSchema,
  year: schoolYearSchema,
  asOf: z.number().int().nonnegative(),
  producedAt: z.string().min(1),
  files: z.array(exportFileShape).min(1),
  counts: z.record(z.string(), z.number()),
});
export type RecordExport = z.infer<typeof recordExportPayload>;

export const recordExportDownloadPayload = z.object({
  exportId: z.string().min(1),
  formatId: z.string().min(1),
  uai: uaiSchema,
  fileName: z.string().min(1),
});
export type RecordExportDownload = z.infer<typeof recordExportDownloadPayload>;

type ExportLedgerCommand = Command<'RecordExport', RecordExport> | Command<'RecordExportDownload', RecordExportDownload>;

const exportLedgerDecider: Decider<ExportLedgerCommand, ExportLedgerState> = {
  initialState: initialExportLedgerState,
  evolve: evolveExportLedger,
  decide(command, state) {
    switch (command.type) {
      case 'RecordExport': {
        const p = command.payload;
        if (state.exports.some((e) => e.exportId === p.exportId)) {
          throw new RuleViolationError('export_exists', `l’export ${p.exportId} est déjà enregistré`);
        }
        return accept([ExportProduced.create(p)]);
      }
      case 'RecordExportDownload': {
        const p = command.payload;
        if (!state.exports.some((e) => e.exportId === p.exportId)) {
          throw new RuleViolationError('export_unknown', `l’export ${p.exportId} n’existe pas`);
        }
        return accept([ExportDownloaded.create(p)]);
      }
    }
  },
};

/** An export's manifest, recorded by the server once its files are written. */
export const RecordExportCommand = defineCommand({
  type: 'RecordExport',
  internal: true,
  payload: recordExportPayload,
  decider: exportLedgerDecider as Decider<Command<string, RecordExport>, ExportLedgerState>,
  streamId: (p) => streamIds.export(p.uai, p.formatId),
});

/** A download of an export's kept copy. */
export const RecordExportDownloadCommand = defineCommand({
  type: 'RecordExportDownload',
  internal: true,
  payload: recordExportDownloadPayload,
  decider: exportLedgerDecider as Decider<Command<string, RecordExportDownload>, ExportLedgerState>,
  streamId: (p) => streamIds.export(p.uai, p.formatId),
});

export const ledgerCommands = [RecordImportCommand, RecordExportCommand, RecordExportDownloadCommand];
