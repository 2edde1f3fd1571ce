import { createHash } from 'node:crypto';
import { InvalidValueError, RuleViolationError, streamIds } from '@liaison/domain';
import { type EventData, FileImported } from '@liaison/events';
import { type SqliteConnection } from '../database/sqlite-connection';
import { type Kernel } from '../kernel/kernel';
import { countRows, type ImportReport, type ReportRow } from './import-report';
import { loadSnapshot } from './snapshot-loader';

export interface ImportRequest {
  formatId: string;
  uai: string;
  year: number;
  /** The file; absent: the importer's shipped default. */
  file?: { name: string; bytes: Uint8Array };
  skipRejected: boolean;
  actor: string;
}

/** Rows were rejected and skipping them was not asked: the import is refused whole. */
export class ImportRefusedError extends Error {
  constructor(readonly report: ImportReport) {
    const rejected = report.rows.filter((r) => r.outcome === 'rejected');
    super(`import refusé : ${rejected.length} ligne(s) rejetée(s), rien n’a été écrit (--skip-rejected applique le reste)`);
    this.name = 'ImportRefusedError';
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs a plugin importer: bytes → commands → one transaction, all or nothing (or the rest,
 * when rejected rows are skipped), recorded with its report; a file already imported for that
 * year writes nothing and gives its report again.
 */
export class ImportService {
  constructor(private readonly kernel: Kernel) {}

  async run(request: ImportRequest): Promise<ImportReport> {
    const importer = this.kernel.plugins.importer(request.formatId);
    if (!importer) throw new InvalidValueError(`format d’import inconnu : « ${request.formatId} » (liaison formats)`);
    const file = request.file ?? importer.defaultFile?.();
    if (!file)
      throw new InvalidValueError(`le format ${request.formatId} n’a pas de fichier par défaut : indiquez le fichier à importer`);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const importId = `imp-${request.uai}-${request.year}-${request.formatId}-${sha256.slice(0, 12)}`;
    const base = { importId, formatId: request.formatId, uai: request.uai, year: request.year, fileName: file.name, sha256 };

    // The file is read against the state under the write lock, in the transaction that applies
    // it: a row judged unchanged cannot have been changed meanwhile, and the same file sent twice
    // at once is imported once.
    const applied = await this.kernel.db.transaction(async (tx) => {
      const previous = this.previousImport(request, sha256, tx);
      if (previous) return { previous };
      const snapshot = await loadSnapshot(this.kernel, request.uai, request.year, undefined, tx);
      if (!snapshot.establishment.registered) {
        throw new RuleViolationError('establishment_unknown', `l’établissement ${request.uai} n’est pas enregistré`);
      }
      const plan = await importer.parse(file.bytes, { uai: request.uai, year: request.year, fileName: file.name, snapshot });
      const withCommands = plan.rows.filter((r) => (r.commands?.length ?? 0) > 0);
      const result = await this.kernel.pipeline.executeGroupsIn(
        tx,
        withCommands.map((row) => row.commands!),
        { actor: request.actor, source: `import:${request.formatId}`, correlationId: importId, trusted: true },
        {
          skipRejected: true,
          finish: (outcomes) => {
            const rows = plan.rows.map((row) => {
              const index = withCommands.indexOf(row);
              const outcome = index >= 0 ? outcomes[index] : undefined;
              const { commands: _commands, ...reported } = row;
              return outcome && !outcome.ok
                ? { ...reported, outcome: 'rejected' as const, message: reasonOf(outcome.error) }
                : reported;
            });
            if (!request.skipRejected && rows.some((r) => r.outcome === 'rejected')) {
              // Thrown inside the transaction: everything the groups wrote is rolled back.
              throw new ImportRefusedError(this.report(base, 'refused', false, rows, plan.notes, plan.successMessage, []));
            }
            return [
              {
                type: 'RecordImport',
                payload: {
                  ...base,
                  size: file.bytes.byteLength,
                  skippedRejected: request.skipRejected && rows.some((r) => r.outcome === 'rejected'),
                  rows,
                  notes: plan.notes,
                  ...(plan.successMessage ? { successMessage: plan.successMessage } : {}),
                },
              },
            ];
          },
        },
      );
      return { result };
    });
    if (applied.previous) return applied.previous;
    const { outcomes, finished } = applied.result!;
    const recorded = finished[0]!.events[0]!.data as EventData<typeof FileImported>;
    const positions = [
      ...outcomes.flatMap((o) => (o.ok ? o.results.flatMap((r) => r.positions) : [])),
      ...finished[0]!.positions,
    ];
    return this.report(
      base,
      'imported',
      recorded.skippedRejected,
      recorded.rows,
      recorded.notes,
      recorded.successMessage,
      positions,
    );
  }

  /** The report of the same file imported earlier for the same year, if any. */
  private previousImport(request: ImportRequest, sha256: string, tx: SqliteConnection): ImportReport | undefined {
    const stream = this.kernel.store.loadStream(tx, streamIds.import(request.uai, request.formatId));
    const event = stream.events.find((e) => {
      const d = e.data as EventData<typeof FileImported>;
      return e.type === FileImported.type && d.year === request.year && d.sha256 === sha256;
    });
    if (!event) return undefined;
    const d = event.data as EventData<typeof FileImported>;
    return this.report(d, 'already-imported', d.skippedRejected, d.rows, d.notes, d.successMessage, []);
  }

  private report(
    base: Pick<ImportReport, 'importId' | 'formatId' | 'uai' | 'year' | 'fileName' | 'sha256'>,
    status: ImportReport['status'],
    skippedRejected: boolean,
    rows: ReportRow[],
    notes: string[],
    successMessage: string | undefined,
    positions: number[],
  ): ImportReport {
    return {
      importId: base.importId,
      formatId: base.formatId,
      uai: base.uai,
      year: base.year,
      fileName: base.fileName,
      sha256: base.sha256,
      status,
      skippedRejected,
      counts: countRows(rows),
      rows,
      notes,
      ...(successMessage ? { successMessage } : {}),
      positions,
    };
  }
}
