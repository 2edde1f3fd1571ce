import { type EventDefinition, type Upcaster } from '@liaison/events';
import { type CommandDefinition, type Evolver } from '../commands/command';
import { type LookupResolver } from '../commands/lookup-resolver';
import { type Projection } from '../projections/projection';

/** The plugin contract version the server speaks; a plugin built for another one is refused. */
export const PLUGIN_API_VERSION = 1;

export interface PluginManifest {
  /** Stable id, used in format ids, checklist step ids and table prefixes. */
  id: string;
  degree: 'first' | 'second';
  displayName: string;
  apiVersion: number;
  /** Every table of the plugin's projections starts with it. */
  tablePrefix: string;
}

/** A national file format a plugin reads or writes. */
export interface FormatDescriptor {
  formatId: string;
  direction: 'import' | 'export';
  displayName: string;
  /** `official`: a public, confirmed format; `adapter`: a documented assumption, swappable. */
  status: 'official' | 'adapter';
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
  formats?: FormatDescriptor[];
}
