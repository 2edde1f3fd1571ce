import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  type Anomaly,
  type ExportFile,
  InvalidValueError,
  RuleViolationError,
  type SchoolSnapshot,
  streamIds,
} from '@liaison/domain';
import { type EventData, ExportProduced } from '@liaison/events';
import { type Kernel } from '../kernel/kernel';
import { commitFiles, discard, stageFiles } from './atomic-write';
import { ExportBlockedError, ExportCancelledError } from './exchange-errors';
import { type EventWithChanges } from '../history/history-service';
import { exportScopeStreams } from './export-scope';
import { loadSnapshot } from './snapshot-loader';
import { validateXmlDocuments } from './xml-validation';

export type ExportManifest = EventData<typeof ExportProduced>;

export interface ExportRequest {
  formatId: string;
  uai: string;
  year: number;
  /** The export folder (`--out`, `LIAISON_EXPORT_DIR`, `./Export`). */
  outDir: string;
  actor: string;
  source: string;
  /** Asked once the export is known to be possible, before anything is written. */
  confirm?: (summary: { formatId: string; counts: Record<string, number>; warnings: Anomaly[] }) => Promise<boolean>;
}

export interface ExportResult {
  manifest: ExportManifest;
  /** Absolute paths of the files written. */
  paths: string[];
  warnings: Anomaly[];
  /** True for `--as-of`: rebuilt from the log, nothing recorded. */
  replay: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An export's id: one per format, establishment, year and log position. */
export const exportIdOf = (formatId: string, uai: string, year: number, asOf: number) => `exp-${uai}-${year}-${formatId}-${asOf}`;

/**
 * Produces exports: assign what the send needs, build as of the position after that, write the
 * files atomically, keep their bytes and record the manifest (`ExportProduced`); or rebuild a
 * past export from the log (`--as-of`), recording nothing.
 */
export class ExportService {
  constructor(private readonly kernel: Kernel) {}

  async produce(request: ExportRequest): Promise<ExportResult> {
    const exporter = this.exporter(request.formatId);
    const context = { actor: request.actor, source: request.source, trusted: true };
    const live = await this.snapshot(request.uai, request.year);
    let plan = exporter.plan(live);
    if (plan.blocking.length > 0) throw new ExportBlockedError(request.formatId, plan.blocking);
    if (
      request.confirm &&
      !(await request.confirm({ formatId: request.formatId, counts: plan.counts, warnings: plan.warnings }))
    ) {
      throw new ExportCancelledError();
    }
    const prepared = exporter.prepare?.(live) ?? [];
    if (prepared.length > 0) await this.kernel.pipeline.executeBatch(prepared, context);
    const snapshot = prepared.length > 0 ? await this.snapshot(request.uai, request.year) : live;
    if (prepared.length > 0) {
      plan = exporter.plan(snapshot);
      if (plan.blocking.length > 0) throw new ExportBlockedError(request.formatId, plan.blocking);
    }
    const exportId = exportIdOf(request.formatId, request.uai, request.year, snapshot.asOf);
    const built = exporter.build(snapshot, { exportId, producedAt: snapshot.asOfTime });
    const manifest: ExportManifest = {
      exportId,
      formatId: request.formatId,
      uai: request.uai,
      year: request.year,
      asOf: snapshot.asOf,
      producedAt: snapshot.asOfTime,
      files: built.files.map((f) => ({ name: f.path, sha256: sha256(f.bytes), size: f.bytes.byteLength })),
      counts: built.counts,
    };
    await validateXmlDocuments(built.xmlDocuments ?? []);
    const staged = stageFiles(request.outDir, built.files);
    try {
      await this.kernel.db.transaction(async (tx) => {
        for (const f of built.files) {
          tx.run('INSERT INTO export_files (export_id, path, sha256, size, bytes) VALUES (?, ?, ?, ?, ?)', [
            exportId,
            f.path,
            sha256(f.bytes),
            f.bytes.byteLength,
            Buffer.from(f.bytes),
          ]);
        }
        await this.kernel.pipeline.executeIn(tx, { type: 'RecordExport', payload: manifest }, context);
      });
    } catch (error) {
      discard(staged);
      throw error;
    }
    return { manifest, paths: commitFiles(staged), warnings: plan.warnings, replay: false };
  }

  /**
   * The export as of position N: byte-identical to the one recorded at N if there is one,
   * else as it would have been right after event N. Written under `outDir`, never recorded.
   */
  async replay(request: Omit<ExportRequest, 'confirm'> & { asOf: number }): Promise<ExportResult> {
    const exporter = this.exporter(request.formatId);
    const snapshot = await this.snapshot(request.uai, request.year, request.asOf);
    const recorded = this.recorded(request.formatId, request.uai).find(
      (m) => m.year === request.year && m.asOf === snapshot.asOf,
    );
    const plan = exporter.plan(snapshot);
    if (!recorded && plan.blocking.length > 0) throw new ExportBlockedError(request.formatId, plan.blocking);
    const exportId = recorded?.exportId ?? exportIdOf(request.formatId, request.uai, request.year, snapshot.asOf);
    const producedAt = recorded?.producedAt ?? snapshot.asOfTime;
    const built = exporter.build(snapshot, { exportId, producedAt });
    const manifest: ExportManifest = {
      exportId,
      formatId: request.formatId,
      uai: request.uai,
      year: request.year,
      asOf: snapshot.asOf,
      producedAt,
      files: built.files.map((f) => ({ name: f.path, sha256: sha256(f.bytes), size: f.bytes.byteLength })),
      counts: built.counts,
    };
    const staged = stageFiles(request.outDir, built.files);
    return { manifest, paths: commitFiles(staged), warnings: plan.warnings, replay: true };
  }

  /** The manifests recorded for a format and establishment, oldest first. */
  recorded(formatId: string, uai: string): ExportManifest[] {
    return this.kernel.store
      .readStream(streamIds.export(uai, formatId))
      .events.filter((e) => e.type === ExportProduced.type)
      .map((e) => e.data as ExportManifest);
  }

  /** Every recorded export, newest first, optionally of one establishment. */
  ledger(uai?: string): ExportManifest[] {
    return this.kernel.store
      .readAll({ types: [ExportProduced.type], ...(uai ? { uai } : {}), descending: true })
      .map((e) => e.data as ExportManifest);
  }

  find(exportId: string): ExportManifest | undefined {
    return this.ledger().find((m) => m.exportId === exportId);
  }

  /**
   * The changes an export carries: the events in its scope after the previous export of the
   * same format, establishment and year (from the beginning for a first export), up to its
   * `asOf` — or, with `since`, everything in scope after it (what changed since it was sent).
   */
  async changes(
    exportId: string,
    mode: 'carried' | 'since' = 'carried',
  ): Promise<{ manifest: ExportManifest; from: number; to: number; events: EventWithChanges[] }> {
    const manifest = this.find(exportId);
    if (!manifest) throw new RuleViolationError('export_unknown', `l’export ${exportId} n’existe pas`);
    const exporter = this.exporter(manifest.formatId);
    const previous = this.recorded(manifest.formatId, manifest.uai)
      .filter((m) => m.year === manifest.year && m.asOf < manifest.asOf)
      .at(-1);
    const from = mode === 'carried' ? (previous?.asOf ?? 0) : manifest.asOf;
    const to = mode === 'carried' ? manifest.asOf : this.kernel.store.headPosition();
    const snapshot = await this.snapshot(manifest.uai, manifest.year, to);
    const inScope = exportScopeStreams(snapshot);
    const bookkeeping = new Set(exporter.bookkeepingEventTypes ?? []);
    const events = this.kernel.store
      .readAll({ uai: manifest.uai, after: from, upTo: to })
      .filter((e) => inScope(e.streamId) && (exporter.inScope?.(e.streamId, snapshot) ?? true) && !bookkeeping.has(e.type));
    return { manifest, from, to, events: this.kernel.history.withChanges(events) };
  }

  /** The kept bytes of an export's file. */
  keptFile(exportId: string, path: string): ExportFile | undefined {
    const row = this.kernel.db.reader.get<{ bytes: Buffer }>('SELECT bytes FROM export_files WHERE export_id = ? AND path = ?', [
      exportId,
      path,
    ]);
    return row ? { path, bytes: new Uint8Array(row.bytes) } : undefined;
  }

  private exporter(formatId: string) {
    const exporter = this.kernel.plugins.exporter(formatId);
    if (!exporter) throw new InvalidValueError(`format d’export inconnu : « ${formatId} » (liaison formats)`);
    return exporter;
  }

  private async snapshot(uai: string, year: number, asOf?: number): Promise<SchoolSnapshot> {
    const snapshot = await loadSnapshot(this.kernel, uai, year, asOf);
    if (!snapshot.establishment.registered) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`);
    }
    return snapshot;
  }
}

/** `--out`, else `LIAISON_EXPORT_DIR`, else `./Export`; `--as-of N` defaults to `<export dir>/as-of-<N>/`. */
export function exportDirOf(out: string | undefined, asOf?: number): string {
  if (out) return out;
  const base = process.env.LIAISON_EXPORT_DIR ?? 'Export';
  return asOf === undefined ? base : join(base, `as-of-${asOf}`);
}
