import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  type Anomaly,
  diffSnapshots,
  exportedPupils,
  defaultExportScope,
  type Exporter,
  type ExportFile,
  type ExportPlan,
  initialEstablishmentState,
  initialYearState,
  InvalidValueError,
  type PupilFilter,
  RuleViolationError,
  type SchoolSnapshot,
  type SnapshotDiff,
  streamIds,
} from '@liaison/domain';
import { type EventData, ExportProduced } from '@liaison/events';
import { type SqliteConnection } from '../database/sqlite-connection';
import { type Kernel } from '../kernel/kernel';
import { commitFiles, discard, type StagedFile, stageFiles } from './atomic-write';
import { ExportBlockedError, ExportCancelledError } from './exchange-errors';
import { type EventWithChanges } from '../history/history-service';
import { changesBySubject, type ChangesBySubject } from './changes-by-subject';
import { loadSnapshot } from './snapshot-loader';
import { validateXmlDocuments } from './xml-validation';

export type ExportManifest = EventData<typeof ExportProduced>;

/** The changes in an export's scope over a range of the log, flat and grouped by pupil and class. */
export interface ExportChanges {
  manifest: ExportManifest;
  /** The range: after `from`, up to `to` inclusive. */
  from: number;
  to: number;
  events: EventWithChanges[];
  bySubject: ChangesBySubject;
}

/** What the next export of a format would carry, before it is made. */
export interface ExportPreview {
  formatId: string;
  uai: string;
  year: number;
  /** The last export of that format, establishment and year (null: there was none). */
  previous: ExportManifest | null;
  from: number;
  to: number;
  /** Whether it may be made now, and what it would count. */
  plan: ExportPlan;
  /** Who changed what in its scope since the previous export. */
  events: EventWithChanges[];
  bySubject: ChangesBySubject;
  /** Pupils added, removed and changed in the file since the previous export. */
  diff: SnapshotDiff;
}

export interface ExportDiff {
  from: ExportManifest;
  to: ExportManifest;
  diff: SnapshotDiff;
}

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

/** Warnings about a whole export are said of the establishment. */
const establishmentEntity = (snapshot: SchoolSnapshot) => ({
  kind: 'establishment' as const,
  id: snapshot.uai,
  label: snapshot.establishment.name ?? snapshot.uai,
});

/**
 * When someone else changed the school between the plan the user confirmed and the send, the
 * file is built from the newer state (it is what the log says); the user is told what moved.
 */
function countsDrift(
  confirmed: Record<string, number>,
  sent: Record<string, number>,
  snapshot: SchoolSnapshot,
): Anomaly | undefined {
  const moved = [...new Set([...Object.keys(confirmed), ...Object.keys(sent)])]
    .filter((k) => (confirmed[k] ?? 0) !== (sent[k] ?? 0))
    .map((k) => `${k} ${confirmed[k] ?? 0} → ${sent[k] ?? 0}`);
  if (moved.length === 0) return undefined;
  return {
    rule: 'export-modifie-depuis-confirmation',
    severity: 'warning',
    entity: establishmentEntity(snapshot),
    message: `la base a changé entre la confirmation et l’envoi (autre utilisateur) : ${moved.join(', ')} ; le fichier suit l’état au moment de l’envoi`,
  };
}

/** A recorded export whose kept files are gone or altered: the replay is a rebuild, and says so. */
const keptFilesMissing = (recorded: ExportManifest, snapshot: SchoolSnapshot): Anomaly => ({
  rule: 'export-conserve-absent',
  severity: 'warning',
  entity: establishmentEntity(snapshot),
  message: `les fichiers envoyés par ${recorded.exportId} ne sont pas conservés intacts dans la base : le fichier est reconstruit, il peut différer de l’envoi`,
});

/** The kept files are given; today's writer would write others (or could not write them any more). */
const rebuildDiffers = (recorded: ExportManifest, snapshot: SchoolSnapshot, reason?: string): Anomaly => ({
  rule: 'export-reconstruit-different',
  severity: 'warning',
  entity: establishmentEntity(snapshot),
  message: reason
    ? `${recorded.exportId} ne pourrait plus être reconstruit aujourd’hui (${reason}) : voici les fichiers tels qu’ils ont été envoyés`
    : `reconstruit aujourd’hui, ${recorded.exportId} ne donnerait pas les mêmes octets (le format a évolué depuis l’envoi) : voici les fichiers tels qu’ils ont été envoyés`,
});

const sameFiles = (a: ExportManifest['files'], b: ExportManifest['files']) =>
  a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.sha256 === b[i]!.sha256);

/** The exporter's scope over the default one, as a predicate on stream ids. */
const scopeOf = (exporter: Exporter, snapshot: SchoolSnapshot) =>
  exporter.scope ? exporter.scope(snapshot, defaultExportScope(snapshot)) : defaultExportScope(snapshot);

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
    // One transaction from the preparation to the manifest: what the send needs (ids, a send
    // number) is decided on the state read under the write lock, the file is built as of the
    // position right after, validated, staged, kept and recorded. No other writer can slip a
    // change in between, and a failure anywhere (a build error, an invalid document, a full
    // disk) leaves no recorded send without its file. The files become visible after the commit.
    const correlationId = randomUUID();
    let staged: StagedFile[] = [];
    let manifest: ExportManifest;
    try {
      manifest = await this.kernel.db.transaction(async (tx) => {
        const current = await this.snapshot(request.uai, request.year, undefined, tx);
        const prepared = exporter.prepare?.(current) ?? [];
        for (const raw of prepared) await this.kernel.pipeline.executeIn(tx, raw, { ...context, correlationId });
        const snapshot = prepared.length > 0 ? await this.snapshot(request.uai, request.year, undefined, tx) : current;
        if (prepared.length > 0 || snapshot.asOf !== live.asOf) {
          const confirmed = plan;
          plan = exporter.plan(snapshot);
          if (plan.blocking.length > 0) throw new ExportBlockedError(request.formatId, plan.blocking);
          const drift = countsDrift(confirmed.counts, plan.counts, snapshot);
          if (drift) plan = { ...plan, warnings: [...plan.warnings, drift] };
        }
        const exportId = exportIdOf(request.formatId, request.uai, request.year, snapshot.asOf);
        const built = await exporter.build(snapshot, { exportId, producedAt: snapshot.asOfTime });
        const recorded: ExportManifest = {
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
        staged = stageFiles(request.outDir, built.files);
        for (const f of built.files) {
          tx.run('INSERT INTO export_files (export_id, path, sha256, size, bytes) VALUES (?, ?, ?, ?, ?)', [
            exportId,
            f.path,
            sha256(f.bytes),
            f.bytes.byteLength,
            Buffer.from(f.bytes),
          ]);
        }
        await this.kernel.pipeline.executeIn(tx, { type: 'RecordExport', payload: recorded }, { ...context, correlationId });
        return recorded;
      });
    } catch (error) {
      discard(staged);
      throw error;
    }
    return { manifest, paths: commitFiles(staged), warnings: plan.warnings, replay: false };
  }

  /**
   * The export as of position N. When an export was recorded at N: its files as they were sent
   * (the bytes kept in `export_files`), whatever the writer would write today — with a warning
   * if a rebuild differs (a newer version of the format's writer). Otherwise the export as it
   * would have been right after event N. Written under `outDir`, never recorded.
   */
  async replay(request: Omit<ExportRequest, 'confirm'> & { asOf: number }): Promise<ExportResult> {
    const exporter = this.exporter(request.formatId);
    const snapshot = await this.snapshot(request.uai, request.year, request.asOf);
    const recorded = this.recorded(request.formatId, request.uai).find(
      (m) => m.year === request.year && m.asOf === snapshot.asOf,
    );
    const plan = exporter.plan(snapshot);
    const kept = recorded && this.keptFiles(recorded);
    if (recorded && kept) {
      // Rebuilt only to compare: what was sent is what is given, even if the writer now refuses it.
      let warning: Anomaly | undefined;
      try {
        const built = await exporter.build(snapshot, { exportId: recorded.exportId, producedAt: recorded.producedAt });
        const files = built.files.map((f) => ({ name: f.path, sha256: sha256(f.bytes), size: f.bytes.byteLength }));
        if (!sameFiles(files, recorded.files)) warning = rebuildDiffers(recorded, snapshot);
      } catch (error) {
        warning = rebuildDiffers(recorded, snapshot, error instanceof Error ? error.message : String(error));
      }
      const warnings = warning ? [...plan.warnings, warning] : plan.warnings;
      return { manifest: recorded, paths: commitFiles(stageFiles(request.outDir, kept)), warnings, replay: true };
    }
    if (!recorded && plan.blocking.length > 0) throw new ExportBlockedError(request.formatId, plan.blocking);
    const exportId = recorded?.exportId ?? exportIdOf(request.formatId, request.uai, request.year, snapshot.asOf);
    const producedAt = recorded?.producedAt ?? snapshot.asOfTime;
    const built = await exporter.build(snapshot, { exportId, producedAt });
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
    const warnings = recorded ? [...plan.warnings, keptFilesMissing(recorded, snapshot)] : plan.warnings;
    return { manifest, paths: commitFiles(stageFiles(request.outDir, built.files)), warnings, replay: true };
  }

  /** A recorded export's files as they were sent, when every one is kept and matches its manifest. */
  private keptFiles(manifest: ExportManifest): ExportFile[] | undefined {
    const files = manifest.files.map((f) => this.keptFile(manifest.exportId, f.name));
    const intact = files.every((file, i) => file !== undefined && sha256(file.bytes) === manifest.files[i]!.sha256);
    return intact ? (files as ExportFile[]) : undefined;
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
  async changes(exportId: string, mode: 'carried' | 'since' = 'carried'): Promise<ExportChanges> {
    const manifest = this.find(exportId);
    if (!manifest) throw new RuleViolationError('export_unknown', `l’export ${exportId} n’existe pas`);
    const exporter = this.exporter(manifest.formatId);
    const previous = this.recorded(manifest.formatId, manifest.uai)
      .filter((m) => m.year === manifest.year && m.asOf < manifest.asOf)
      .at(-1);
    const from = mode === 'carried' ? (previous?.asOf ?? 0) : manifest.asOf;
    const to = mode === 'carried' ? manifest.asOf : this.kernel.store.headPosition();
    const snapshot = await this.snapshot(manifest.uai, manifest.year, to);
    const events = this.eventsInScope(exporter, snapshot, from);
    return { manifest, from, to, events, bySubject: changesBySubject(events, snapshot) };
  }

  /**
   * Before exporting: what the file would carry since the last export of the format (the events
   * in scope since its `asOf`, by whom), whether it may be made, and the pupils it would add,
   * remove or change. Nothing is assigned or written.
   */
  async preview(formatId: string, uai: string, year: number): Promise<ExportPreview> {
    const exporter = this.exporter(formatId);
    const live = await this.snapshot(uai, year);
    const previous = this.recorded(formatId, uai)
      .filter((m) => m.year === year)
      .at(-1);
    const from = previous?.asOf ?? 0;
    const events = this.eventsInScope(exporter, live, from);
    const before = previous ? await this.snapshot(uai, year, previous.asOf) : nothingYet(live);
    return {
      formatId,
      uai,
      year,
      previous: previous ?? null,
      from,
      to: live.asOf,
      plan: exporter.plan(live),
      events,
      bySubject: changesBySubject(events, live),
      diff: diffSnapshots(before, live, this.pupilsOf(exporter)),
    };
  }

  /**
   * Two exports of the same format, establishment and year compared: pupils added, removed and
   * changed field by field, from the states at their `asOf` (not from the files' bytes).
   */
  async diff(exportId: string, otherId: string): Promise<ExportDiff> {
    const from = this.find(exportId);
    const to = this.find(otherId);
    for (const [id, m] of [
      [exportId, from],
      [otherId, to],
    ] as const) {
      if (!m) throw new RuleViolationError('export_unknown', `l’export ${id} n’existe pas`);
    }
    if (from!.formatId !== to!.formatId || from!.uai !== to!.uai || from!.year !== to!.year) {
      throw new RuleViolationError(
        'exports_not_comparable',
        `les exports ${exportId} (${from!.formatId}, ${from!.uai}, ${from!.year}) et ${otherId} (${to!.formatId}, ${to!.uai}, ${to!.year}) ne sont pas du même format, établissement et année`,
      );
    }
    const exporter = this.exporter(from!.formatId);
    const [a, b] = [await this.snapshot(from!.uai, from!.year, from!.asOf), await this.snapshot(to!.uai, to!.year, to!.asOf)];
    return { from: from!, to: to!, diff: diffSnapshots(a, b, this.pupilsOf(exporter)) };
  }

  /** The events in the export's scope after `from`, up to the snapshot's position, with their values. */
  private eventsInScope(exporter: Exporter, snapshot: SchoolSnapshot, from: number): EventWithChanges[] {
    const inScope = scopeOf(exporter, snapshot);
    const bookkeeping = new Set(exporter.bookkeepingEventTypes ?? []);
    // A pupil's stream also holds other years (the rollover pre-enrols into the next one): an
    // event naming another year changes nothing of this year's file.
    const otherYear = (data: unknown) => {
      const year = (data as { year?: unknown } | null)?.year;
      return typeof year === 'number' && year !== snapshot.year;
    };
    const events = this.kernel.store
      .readAll({ uai: snapshot.uai, after: from, upTo: snapshot.asOf })
      .filter((e) => inScope(e.streamId) && !bookkeeping.has(e.type) && !otherYear(e.data));
    return this.kernel.history.withChanges(events);
  }

  /** The pupils a file of this exporter holds: enrolled or exited during the year, in its scope. */
  private pupilsOf(exporter: Exporter): PupilFilter {
    // One scope per snapshot: the predicate may index the snapshot's pupils.
    const scopes = new WeakMap<SchoolSnapshot, (streamId: string) => boolean>();
    return (pupil, snapshot) => {
      if (!exportedPupils(pupil, snapshot)) return false;
      let inScope = scopes.get(snapshot);
      if (!inScope) scopes.set(snapshot, (inScope = scopeOf(exporter, snapshot)));
      return inScope(streamIds.pupil(snapshot.uai, pupil.pupilId!));
    };
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

  private async snapshot(uai: string, year: number, asOf?: number, tx?: SqliteConnection): Promise<SchoolSnapshot> {
    const snapshot = await loadSnapshot(this.kernel, uai, year, asOf, tx);
    if (!snapshot.establishment.registered) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`);
    }
    return snapshot;
  }
}

/** The state before a first export: nothing exported yet. */
function nothingYet(live: SchoolSnapshot): SchoolSnapshot {
  return {
    ...live,
    asOf: 0,
    asOfTime: new Date(0).toISOString(),
    establishment: initialEstablishmentState(),
    schoolYear: initialYearState(),
    classes: [],
    pupils: [],
    guardians: {},
    pluginStates: {},
  };
}

/** `--out`, else `LIAISON_EXPORT_DIR`, else `./Export`; `--as-of N` defaults to `<export dir>/as-of-<N>/`. */
export function exportDirOf(out: string | undefined, asOf?: number): string {
  if (out) return out;
  const base = process.env.LIAISON_EXPORT_DIR ?? 'Export';
  return asOf === undefined ? base : join(base, `as-of-${asOf}`);
}
