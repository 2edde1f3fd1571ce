import { streamIds } from '@liaison/domain';
import { randomUUID } from 'node:crypto';
import { type CommandResult } from '../commands/command-pipeline';
import { type SqliteConnection } from '../database/sqlite-connection';
import { loadSnapshot } from '../exchanges/snapshot-loader';
import { type Kernel } from '../kernel/kernel';
import { buildDemoScenario, DEMO_SOURCE, DEMO_USERS, type DemoCounts, type DemoScenario, type DemoUser } from './scenario';
import { DEMO_SEED } from './rng';
import { ECOLE_UAI } from './school';
import { type DemoCommand } from './timeline';

/** What the demo needs of the accounts (UsersService). */
export interface DemoAccounts {
  count(): number;
  add(login: string, role: string, password: string): Promise<unknown>;
}

export interface ApplyDemoOptions {
  /** "Now" (default: the clock): decides the two school years. */
  now?: Date;
  /** Who sets the establishments up (`--actor`, default `installation`). */
  installer?: string;
}

export type DemoOutcome =
  | { status: 'already-present' }
  | {
      status: 'created';
      previousYear: number;
      currentYear: number;
      establishments: DemoScenario['establishments'];
      counts: DemoCounts;
      /** Commands the plugins added (their `demo` contribution), by plugin id. */
      pluginCommands: Record<string, number>;
      events: number;
      /** Warnings returned by accepted commands (a defaulted field…): none expected. */
      warnings: string[];
      users: Array<Pick<DemoUser, 'login' | 'role'>>;
      durationMs: number;
    };

/** The database is not empty and does not hold the demo: nothing was written. */
export class DemoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoRefusedError';
  }
}

/** A command of the demo was refused: a bug of the demo; nothing was written. */
export class DemoCommandRefusedError extends Error {
  constructor(
    message: string,
    readonly command: DemoCommand,
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'DemoCommandRefusedError';
  }
}

export const DEFAULT_INSTALLER = 'installation';

type DatabaseState = 'empty' | 'demo' | 'incomplete-demo' | 'other';

/**
 * Empty; the demo (its first establishment registered by the demo, and the users it creates
 * last); the demo interrupted before its users; or anything else.
 */
export function inspectDatabase(kernel: Kernel, accounts: DemoAccounts): DatabaseState {
  const users = accounts.count();
  if (kernel.store.headPosition() === 0 && users === 0) return 'empty';
  const first = kernel.store.readStream(streamIds.establishment(ECOLE_UAI)).events[0];
  if (first?.type !== 'EstablishmentRegistered' || first.metadata.source !== DEMO_SOURCE) return 'other';
  return users > 0 ? 'demo' : 'incomplete-demo';
}

/**
 * Fills an empty database with the demo through the command pipeline: each batch is one
 * `executeBatch` (one actor, chronological order), then the users. On a database holding the
 * demo it writes nothing; on any other non-empty one it refuses.
 */
export async function applyDemo(kernel: Kernel, accounts: DemoAccounts, options: ApplyDemoOptions = {}): Promise<DemoOutcome> {
  const started = Date.now();
  const state = inspectDatabase(kernel, accounts);
  if (state === 'demo') return { status: 'already-present' };
  if (state === 'incomplete-demo') {
    throw new DemoRefusedError(
      'la base contient une démonstration incomplète (interrompue ?) : supprimez ce fichier de base puis relancez « liaison demo »',
    );
  }
  if (state === 'other') {
    throw new DemoRefusedError(
      'la base n’est pas vide (elle contient des événements ou des utilisateurs) : la démonstration ne se charge que dans une base vide ; indiquez un autre fichier avec --db',
    );
  }

  const now = options.now ?? new Date();
  const installer = options.installer ?? DEFAULT_INSTALLER;
  const scenario = buildDemoScenario({ now, installer });
  const applied: DemoCommand[] = [];
  const results: CommandResult[] = [];
  const byPlugin: Record<string, number> = {};
  const correlationId = randomUUID();
  const run = async (tx: SqliteConnection, command: DemoCommand) => {
    const { type, payload, occurredAt, actor } = command;
    try {
      results.push(
        await kernel.pipeline.executeIn(tx, { type, payload, occurredAt }, { actor, source: DEMO_SOURCE, correlationId }),
      );
      applied.push(command);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DemoCommandRefusedError(
        `la démonstration a été refusée à sa commande ${applied.length + 1} ` +
          `(${type} de ${actor}, ${occurredAt}) : ${reason} ; rien n’a été écrit`,
        command,
        applied.length,
        error,
      );
    }
  };
  // One transaction for the whole demo, plugins' part included: it is there entirely or not at all.
  await kernel.db.transaction(async (tx) => {
    for (const command of scenario.commands) await run(tx, command);
    for (const plugin of kernel.plugins.plugins) {
      if (!plugin.demo) continue;
      for (const establishment of scenario.establishments.filter((e) => e.degree === plugin.manifest.degree)) {
        const snapshot = await loadSnapshot(kernel, establishment.uai, scenario.currentYear, undefined, tx);
        const contributed = plugin.demo(snapshot, { now: now.toISOString(), seed: DEMO_SEED });
        for (const c of contributed) {
          await run(tx, {
            ...c,
            payload: c.payload as Record<string, unknown>,
            occurredAt: now.toISOString(),
            actor: establishment.actor,
          });
        }
        byPlugin[plugin.manifest.id] = (byPlugin[plugin.manifest.id] ?? 0) + contributed.length;
      }
    }
  });
  const warnings = results.flatMap((r, i) => r.warnings.map((w) => `${applied[i]!.type} (${applied[i]!.occurredAt}) : ${w}`));
  const events = results.reduce((sum, r) => sum + r.events.length, 0);
  for (const user of DEMO_USERS) await accounts.add(user.login, user.role, user.password);
  await kernel.projections.catchUp();
  return {
    status: 'created',
    previousYear: scenario.previousYear,
    currentYear: scenario.currentYear,
    establishments: scenario.establishments,
    counts: scenario.counts,
    pluginCommands: byPlugin,
    events,
    warnings,
    users: DEMO_USERS.map(({ login, role }) => ({ login, role })),
    durationMs: Date.now() - started,
  };
}
