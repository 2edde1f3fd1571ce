import {
  type ChecklistStep,
  type CommandRegistry,
  type Control,
  type Exporter,
  type Importer,
  formatsOf,
  type Evolver,
  type LiaisonPlugin,
  type LookupResolver,
  PLUGIN_API_VERSION,
  type Projection,
  type Report,
} from '@liaison/domain';
import { type EventCatalogue } from '@liaison/events';
import { orderByRequirements } from './plugin-order';

/** Checks the plugins, adds their parts to the catalogues, and keeps the list for `formats`. */
export class PluginRegistry {
  readonly plugins: readonly LiaisonPlugin[];

  constructor(plugins: readonly LiaisonPlugin[]) {
    const ids = new Set<string>();
    const prefixes = new Set<string>();
    const formats = new Set<string>();
    const steps = new Set<string>();
    const reports = new Set<string>();
    for (const plugin of plugins) {
      const m = plugin.manifest;
      if (!/^[a-z][a-z0-9-]*$/.test(m.id)) throw new Error(`Plugin id "${m.id}" must be kebab-case`);
      if (m.apiVersion !== PLUGIN_API_VERSION) {
        throw new Error(`Plugin ${m.id} targets plugin API v${m.apiVersion}; this server speaks v${PLUGIN_API_VERSION}`);
      }
      if (ids.has(m.id)) throw new Error(`Two plugins have the id ${m.id}`);
      ids.add(m.id);
      if (!/^[a-z][a-z0-9]*_$/.test(m.tablePrefix))
        throw new Error(`Plugin ${m.id}: table prefix "${m.tablePrefix}" must look like "abc_"`);
      if (prefixes.has(m.tablePrefix)) throw new Error(`Two plugins use the table prefix ${m.tablePrefix}`);
      prefixes.add(m.tablePrefix);
      for (const f of formatsOf(plugin)) {
        if (formats.has(f.formatId)) throw new Error(`Format ${f.formatId} is declared twice`);
        formats.add(f.formatId);
      }
      for (const step of plugin.checklist ?? []) {
        if (!step.id.startsWith(`${m.id}:`))
          throw new Error(`Plugin ${m.id}: checklist step ${step.id} must start with ${m.id}:`);
        if (steps.has(step.id)) throw new Error(`Checklist step ${step.id} is declared twice`);
        steps.add(step.id);
      }
      for (const required of m.requires ?? []) {
        if (typeof required !== 'string' || required === m.id)
          throw new Error(`Plugin ${m.id}: invalid requirement ${String(required)}`);
      }
      for (const channel of plugin.channels ?? []) {
        if (!Array.isArray(channel.actions) || channel.actions.length === 0) {
          throw new Error(`Plugin ${m.id}: channel ${channel.id} declares no actions`);
        }
        for (const setting of channel.settings ?? []) {
          if (!/^LIAISON_[A-Z0-9_]+$/.test(setting.variable)) {
            throw new Error(`Plugin ${m.id}: channel ${channel.id} reads ${setting.variable}, which must look like LIAISON_…`);
          }
        }
      }
      for (const report of plugin.reports ?? []) {
        if (reports.has(report.id)) throw new Error(`Report ${report.id} is declared twice`);
        reports.add(report.id);
      }
      for (const p of plugin.projections ?? []) {
        if (!p.name.startsWith(m.tablePrefix)) {
          throw new Error(`Plugin ${m.id}: projection ${p.name} must start with ${m.tablePrefix}`);
        }
      }
    }
    this.plugins = Object.freeze(orderByRequirements(plugins));
  }

  /** Adds every plugin's events, upcasters and commands; the caller freezes afterwards. */
  contributeTo(catalogue: EventCatalogue, commands: CommandRegistry): void {
    for (const plugin of this.plugins) {
      catalogue.register(...(plugin.events ?? []));
      catalogue.registerUpcasters(...(plugin.upcasters ?? []));
      commands.register(...(plugin.commands ?? []));
    }
  }

  projections(): Projection[] {
    return this.plugins.flatMap((p) => p.projections ?? []);
  }

  /** Evolvers of the plugins' own stream kinds, for history diffs. */
  aggregates(): Array<[string, Evolver<unknown>]> {
    return this.plugins.flatMap((p) => Object.entries(p.aggregates ?? {}));
  }

  importer(formatId: string): Importer | undefined {
    return this.plugins.flatMap((p) => p.importers ?? []).find((i) => i.formatId === formatId);
  }

  exporter(formatId: string): Exporter | undefined {
    return this.plugins.flatMap((p) => p.exporters ?? []).find((e) => e.formatId === formatId);
  }

  control(id: string): Control | undefined {
    return this.plugins.flatMap((p) => p.controls ?? []).find((c) => c.id === id);
  }

  /** The controls of the plugins of a degree (an establishment's default controls). */
  controlsFor(degree: 'first' | 'second'): Control[] {
    return this.plugins.filter((p) => p.manifest.degree === degree).flatMap((p) => p.controls ?? []);
  }

  /** The checklist steps of the plugins of a degree (all plugins without one), with the degree of each. */
  checklistSteps(degree?: 'first' | 'second'): Array<{ step: ChecklistStep; degree: 'first' | 'second' }> {
    return this.plugins
      .filter((p) => degree === undefined || p.manifest.degree === degree)
      .flatMap((p) => (p.checklist ?? []).map((step) => ({ step, degree: p.manifest.degree })));
  }

  /** The reports of the plugins of a degree (all when not given). */
  reports(degree?: 'first' | 'second'): Report[] {
    return this.plugins.filter((p) => degree === undefined || p.manifest.degree === degree).flatMap((p) => p.reports ?? []);
  }

  report(id: string): Report | undefined {
    return this.reports().find((r) => r.id === id);
  }

  lookups(): LookupResolver[] {
    return this.plugins.flatMap((p) => p.lookups ?? []);
  }
}
