import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { schoolYearShape, uaiShape } from './shapes';

const sha256Shape = z.string().regex(/^[0-9a-f]{64}$/);

/** One row of an import report, as the user read it. */
export const importReportRowShape = z.object({
  ref: z.string(),
  outcome: z.enum(['create', 'update', 'unchanged', 'unmatched', 'rejected']),
  subject: z.string(),
  message: z.string().optional(),
});

/**
 * A national file was imported (its commands are separate events with the same correlation
 * id). The report is kept so that importing the same file again prints it and writes nothing.
 * On `import-<UAI>-<formatId>`.
 */
export const FileImported = defineEvent(
  'FileImported',
  z.object({
    importId: z.string().min(1),
    formatId: z.string().min(1),
    uai: uaiShape,
    year: schoolYearShape,
    fileName: z.string().min(1),
    sha256: sha256Shape,
    size: z.number().int().nonnegative(),
    /** True when rejected rows were skipped on request (`--skip-rejected`). */
    skippedRejected: z.boolean(),
    rows: z.array(importReportRowShape),
    notes: z.array(z.string()),
    successMessage: z.string().optional(),
  }),
);

export const exportFileShape = z.object({
  name: z.string().min(1),
  sha256: sha256Shape,
  size: z.number().int().nonnegative(),
});

/**
 * An export's manifest: built as of global position `asOf` (inclusive), the files and their
 * hashes, the counts. On `export-<UAI>-<formatId>`.
 */
export const ExportProduced = defineEvent(
  'ExportProduced',
  z.object({
    exportId: z.string().min(1),
    formatId: z.string().min(1),
    uai: uaiShape,
    year: schoolYearShape,
    asOf: z.number().int().nonnegative(),
    producedAt: z.string().min(1),
    files: z.array(exportFileShape).min(1),
    counts: z.record(z.string(), z.number()),
  }),
);

/** Someone downloaded the kept copy of an export (personal data of minors: every download is recorded). */
export const ExportDownloaded = defineEvent(
  'ExportDownloaded',
  z.object({
    exportId: z.string().min(1),
    formatId: z.string().min(1),
    uai: uaiShape,
    fileName: z.string().min(1),
  }),
);
