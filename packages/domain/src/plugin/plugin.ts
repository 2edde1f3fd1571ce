import { type EventDefinition, type Upcaster } from '@liaison/events';
import { type ChecklistStep } from '../checklist/checklist-step';
import { type CommandDefinition, type Evolver } from '../commands/command';
import { type LookupResolver } from '../commands/lookup-resolver';
import { type Projection } from '../projections/projection';
import { type ExchangeChannel } from './channel';
import { type Control } from './control';
import { type DemoContribution } from './demo';
import { type Exporter } from './exporter';
import { type Importer } from './importer';
import { type Report } from './report';

/**
 * The plugin contract version the server speaks; a plugin built for another one is refused.
 * 2: `Exporter.scope` replaced `inScope`, channels declare `actions` and `settings`, plugins may
 * declare `requires`, `reports` and `demo`.
 */
export const PLUGIN_API_VERSION = 2;

export interface PluginManifest {
  /** Stable id, used in format ids, checklist step ids and table prefixes. */
  id: string;
  degree: 'first' | 'second';
  displayName: string;
  apiVersion: number;
  /** Every table of the plugin's projections starts with it. */
  tablePrefix: string;
  /**
   * Ids of the plugins whose events this one reads (through their `events` entry point): the
   * server refuses to start without them and orders plugins so that these come first.
   */
  requires?: string[];
}

/** A national file format a plugin reads or writes, as `liaison formats` lists it. */
export interface FormatDescriptor {
  formatId: string;
  direction: 'import' | 'export';
  displayName: string;
  /** `official`: a public, confirmed format; `adapter`: a documented assumption, swappable. */
  status: 'official' | 'adapter';
}

export function formatsOf(plugin: LiaisonPlugin): FormatDescriptor[] {
  return [
    ...(plugin.importers ?? []).map((i) => ({
      formatId: i.formatId,
      direction: 'import' as const,
      displayName: i.displayName,
      status: i.status,
    })),
    ...(plugin.exporters ?? []).map((e) => ({
      formatId: e.formatId,
      direction: 'export' as const,
      displayName: e.displayName,
      status: e.status,
    })),
  ];
}

/**
 * A degree plugin as the server discovers it. Its parts only add to the core: events and
 * commands join the catalogues at boot, then everything is frozen.
 */
export interface LiaisonPlugin {
  manifest: PluginManifest;
  events?: EventDefinition[];
  upcasters?: Upcaster[];
  commands?: CommandDefinition[];
  projections?: Projection[];
  lookups?: LookupResolver[];
  /** Evolvers of the plugin's own stream kinds, by stream kind (history shows their changes). */
  aggregates?: Record<string, Evolver<unknown>>;
  importers?: Importer[];
  exporters?: Exporter[];
  controls?: Control[];
  channels?: ExchangeChannel[];
  /**
   * The steps of the degree's yearly procedure this plugin owns (ids `<plugin id>:<step>`),
   * with the events that complete them; the checklist of a year merges the steps of the
   * plugins of the establishment's degree in step order.
   */
  checklist?: ChecklistStep[];
  /** Figures served as JSON at `/api/establishments/:uai/years/:year/reports/:id`. */
  reports?: Report[];
  /** What the plugin adds to `liaison demo` for each establishment of its degree. */
  demo?: DemoContribution;
}
