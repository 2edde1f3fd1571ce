import { type ControlReport } from '../plugin/anomaly';
import { type ExportBuildContext } from '../plugin/exporter';
import { type ImportPlan } from '../plugin/importer';
import { formatsOf, type LiaisonPlugin, PLUGIN_API_VERSION } from '../plugin/plugin';
import { type SchoolSnapshot } from '../plugin/school-snapshot';
import { type SqlExecutor } from '../projections/sql-executor';
import { emptySnapshot } from './snapshot-from-events';
import { CHECKLIST_WINDOWS, isChecklistStepId, stepPluginOf } from '../checklist/checklist-step';

export interface PluginContractOptions {
  /**
   * A realistic snapshot the plugin's controls, exporters and default imports run on. It must
   * be exportable (no blocking anomaly) so that every exporter's determinism is checked.
   */
  sample?: () => SchoolSnapshot;
  /**
   * A fresh SQL executor on an empty database, to run the projections' init/apply/truncate.
   * The domain depends on no database: the caller brings one (better-sqlite3 in memory).
   */
  sql?: () => SqlExecutor | Promise<SqlExecutor>;
  /** The format families the plugin may use (`onde`, `siecle`…); default: any short lower-case family. */
  formatFamilies?: readonly string[];
  /** The context given to `build`; default: a fixed export id and instant. */
  exportContext?: ExportBuildContext;
  /** UAI and year of the empty snapshot (default: the sample's, else 0750680G / 2026). */
  uai?: string;
  year?: number;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TABLE_PREFIX = /^[a-z][a-z0-9]*_$/;
// A short family, a dot, then a kebab or dotted name: `onde.be1d`, `siecle.import-prive`, `sts.emp`.
const FORMAT_ID = /^([a-z][a-z0-9]{1,11})\.[a-z0-9]+([.-][a-z0-9]+)*$/;
const PASCAL = /^[A-Z][A-Za-z0-9]+$/;
const STATUSES = ['official', 'adapter'];
const OUTCOMES = ['create', 'update', 'unchanged', 'unmatched', 'rejected'];
const DEFAULT_CONTEXT: ExportBuildContext = { exportId: 'contract-suite', producedAt: '2026-11-28T09:30:00.000Z' };

/** Asserts what every screen and the CLI rely on in a control report. */
export function expectWellFormedReport(report: ControlReport, snapshot: SchoolSnapshot, controlId: string): void {
  expect(report.controlId).toBe(controlId);
  expect(report.uai).toBe(snapshot.uai);
  expect(report.year).toBe(snapshot.year);
  expect(report.asOf).toBe(snapshot.asOf);
  for (const anomaly of report.anomalies) {
    expect(typeof anomaly.rule === 'string' && anomaly.rule.length > 0).toBe(true);
    expect(['error', 'warning']).toContain(anomaly.severity);
    expect(['establishment', 'class', 'pupil', 'guardian']).toContain(anomaly.entity.kind);
    expect(typeof anomaly.entity.id).toBe('string');
    expect(anomaly.entity.label.trim().length).toBeGreaterThan(0);
    expect(anomaly.message.trim().length).toBeGreaterThan(0);
    if (anomaly.field !== undefined) expect(anomaly.field.length).toBeGreaterThan(0);
  }
  for (const excluded of report.excluded) {
    expect(excluded.pupilId.length).toBeGreaterThan(0);
    expect(excluded.reason.trim().length).toBeGreaterThan(0);
  }
  const { checked, compliant, nonCompliant, excluded } = report.counts;
  for (const n of [checked, compliant, nonCompliant, excluded]) expect(Number.isInteger(n) && n >= 0).toBe(true);
  expect(compliant + nonCompliant).toBe(checked);
  expect(excluded).toBe(report.excluded.length);
}

function expectWellFormedImport(plan: ImportPlan): void {
  expect(Array.isArray(plan.notes)).toBe(true);
  for (const row of plan.rows) {
    expect(OUTCOMES).toContain(row.outcome);
    expect(row.ref.trim().length).toBeGreaterThan(0);
    expect(row.subject.trim().length).toBeGreaterThan(0);
    for (const command of row.commands ?? []) expect(command.type).toMatch(PASCAL);
    // Only rows that change something carry commands.
    if (row.outcome === 'unchanged' || row.outcome === 'unmatched' || row.outcome === 'rejected')
      expect(row.commands ?? []).toEqual([]);
  }
}

/**
 * The jest suite every plugin runs (ARCHITECTURE.md « a shared contract suite every plugin
 * runs »): what the server's registry and the CLI take for granted of a plugin, checked in
 * the plugin's own tests before any server loads it.
 */
export function describePluginContract(createPlugin: () => LiaisonPlugin, options: PluginContractOptions = {}): void {
  const plugin = createPlugin();
  const id = plugin.manifest.id;
  const sample = () => options.sample?.();
  const empty = () => {
    const s = sample();
    return emptySnapshot(options.uai ?? s?.uai ?? '0750680G', options.year ?? s?.year ?? 2026);
  };
  const exportContext = options.exportContext ?? DEFAULT_CONTEXT;

  describe(`plugin contract: ${id}`, () => {
    it('has a well-formed manifest', () => {
      const m = plugin.manifest;
      expect(m.id).toMatch(KEBAB);
      expect(['first', 'second']).toContain(m.degree);
      expect(m.displayName.trim().length).toBeGreaterThan(0);
      expect(m.apiVersion).toBe(PLUGIN_API_VERSION);
      expect(m.tablePrefix).toMatch(TABLE_PREFIX);
    });

    it('declares unique format ids, each prefixed by a short family', () => {
      const ids = formatsOf(plugin).map((f) => f.formatId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const formatId of ids) {
        expect(formatId).toMatch(FORMAT_ID);
        if (options.formatFamilies) expect(options.formatFamilies).toContain(formatId.split('.')[0]);
      }
    });

    it('gives every importer and exporter a display name and a status', () => {
      for (const f of [...(plugin.importers ?? []), ...(plugin.exporters ?? [])]) {
        expect(f.displayName.trim().length).toBeGreaterThan(0);
        expect(STATUSES).toContain(f.status);
      }
    });

    it('names its events, commands and controls uniquely', () => {
      const events = (plugin.events ?? []).map((e) => `${e.type}@${e.version}`);
      expect(new Set(events).size).toBe(events.length);
      for (const e of plugin.events ?? []) expect(e.type).toMatch(PASCAL);
      const commands = (plugin.commands ?? []).map((c) => c.type);
      expect(new Set(commands).size).toBe(commands.length);
      for (const c of commands) expect(c).toMatch(PASCAL);
      const controls = (plugin.controls ?? []).map((c) => c.id);
      expect(new Set(controls).size).toBe(controls.length);
      for (const c of plugin.controls ?? []) expect(c.displayName.trim().length).toBeGreaterThan(0);
    });

    it('prefixes its projections with the table prefix, and runs them when a database is given', async () => {
      for (const p of plugin.projections ?? []) {
        expect(p.name.startsWith(plugin.manifest.tablePrefix)).toBe(true);
        expect(Number.isInteger(p.version) && p.version > 0).toBe(true);
        expect(['inline', 'async']).toContain(p.mode);
        if (options.sql) {
          const sql = await options.sql();
          await p.init(sql);
          await p.init(sql); // idempotent DDL
          await p.apply([], sql);
          await p.truncate(sql);
        }
      }
    });

    it('returns well-formed control reports on an empty snapshot and on the sample', () => {
      for (const control of plugin.controls ?? []) {
        for (const snapshot of [empty(), sample()]) {
          if (!snapshot) continue;
          expectWellFormedReport(control.run(snapshot), snapshot, control.id);
        }
      }
    });

    it('plans every export on an empty snapshot and builds the sample deterministically', async () => {
      for (const exporter of plugin.exporters ?? []) {
        for (const snapshot of [empty(), sample()]) {
          if (!snapshot) continue;
          const plan = exporter.plan(snapshot);
          for (const list of [plan.blocking, plan.warnings]) expect(Array.isArray(list)).toBe(true);
          expect(plan.blocking.every((a) => a.severity === 'error')).toBe(true);
          for (const n of Object.values(plan.counts)) expect(Number.isInteger(n) && n >= 0).toBe(true);
        }
        const snapshot = sample();
        if (!snapshot) continue;
        const blocking = exporter.plan(snapshot).blocking;
        if (blocking.length > 0) {
          throw new Error(
            `${exporter.formatId}: the contract sample must be exportable; it has ${blocking.length} blocking anomalies, first: ${blocking[0]?.message}`,
          );
        }
        const first = await exporter.build(snapshot, exportContext);
        const second = await exporter.build(snapshot, exportContext);
        expect(first.files.length).toBeGreaterThan(0);
        expect(second.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
        first.files.forEach((file, index) => {
          expect(file.path).not.toMatch(/^\/|(^|\/)\.\.(\/|$)|\\/);
          expect(Buffer.from(second.files[index]?.bytes ?? []).equals(Buffer.from(file.bytes))).toBe(true);
        });
        expect(second.counts).toEqual(first.counts);
      }
    });

    it('declares checklist steps with its own ids, unique, in French, with known windows', () => {
      const steps = plugin.checklist ?? [];
      const ids = steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const step of steps) {
        expect(isChecklistStepId(step.id)).toBe(true);
        expect(stepPluginOf(step.id)).toBe(id);
        expect(Number.isFinite(step.order)).toBe(true);
        expect(step.title.trim().length).toBeGreaterThan(0);
        if (step.window !== undefined) expect(CHECKLIST_WINDOWS).toContain(step.window);
        if (step.completedBy) {
          expect(step.completedBy.eventTypes.length).toBeGreaterThan(0);
          expect(step.completedBy.description.trim().length).toBeGreaterThan(0);
        }
      }
    });

    it('parses every importer’s default file on the sample (or an empty) snapshot', async () => {
      for (const importer of plugin.importers ?? []) {
        if (!importer.defaultFile) continue;
        const file = importer.defaultFile();
        expect(file.name.trim().length).toBeGreaterThan(0);
        const snapshot = sample() ?? empty();
        const plan = await importer.parse(file.bytes, { uai: snapshot.uai, year: snapshot.year, fileName: file.name, snapshot });
        expectWellFormedImport(plan);
      }
    });
  });
}
