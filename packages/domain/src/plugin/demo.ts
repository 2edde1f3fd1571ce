import { type Command } from '../commands/command';
import { type SchoolSnapshot } from './school-snapshot';

export interface DemoContext {
  /** The demo's "now" (ISO instant): nothing a plugin adds may describe a later moment. */
  now: string;
  /** The demo's seed, for plugins that draw plausible data. */
  seed: number;
}

/**
 * What a plugin adds to `liaison demo` once the core school is in place: commands decided on
 * each establishment's live snapshot (its own reference data, assessments…). The server applies
 * them in the demo's transaction, plugin after plugin in dependency order, so a plugin sees
 * what the plugins it requires have added.
 */
export type DemoContribution = (snapshot: SchoolSnapshot, context: DemoContext) => Command[];
