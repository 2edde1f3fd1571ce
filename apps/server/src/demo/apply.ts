import { streamIds } from '@liaison/domain';
import { BatchCommandError, type CommandResult } from '../commands/command-pipeline';
import { type Kernel } from '../kernel/kernel';
import { buildDemoScenario, DEMO_SOURCE, DEMO_USERS, type DemoCounts, type DemoScenario, type DemoUser } from './scenario';
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

  const scenario = buildDemoScenario({ now: options.now ?? new Date(), installer: options.installer ?? DEFAULT_INSTALLER });
  const commands = scenario.commands;
  let results: CommandResult[];
  try {
    // One transaction for the whole demo: it is there entirely or not at all.
    results = await kernel.pipeline.executeBatch(
      commands.map((c) => ({ type: c.type, payload: c.payload, occurredAt: c.occurredAt })),
      { actor: options.installer ?? DEFAULT_INSTALLER, source: DEMO_SOURCE },
      commands.map((c) => c.actor),
    );
  } catch (error) {
    const index = error instanceof BatchCommandError ? error.index : 0;
    const command = commands[index]!;
    const cause = error instanceof BatchCommandError ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DemoCommandRefusedError(
      `la démonstration a été refusée à sa commande ${index + 1} sur ${commands.length} ` +
        `(${command.type} de ${command.actor}, ${command.occurredAt}) : ${reason} ; rien n’a été écrit`,
      command,
      index,
      cause,
    );
  }
  const warnings = results.flatMap((r, i) => r.warnings.map((w) => `${commands[i]!.type} (${commands[i]!.occurredAt}) : ${w}`));
  const events = results.reduce((sum, r) => sum + r.events.length, 0);
  for (const user of DEMO_USERS) await accounts.add(user.login, user.role, user.password);
  await kernel.projections.catchUp();
  return {
    status: 'created',
    previousYear: scenario.previousYear,
    currentYear: scenario.currentYear,
    establishments: scenario.establishments,
    counts: scenario.counts,
    events,
    warnings,
    users: DEMO_USERS.map(({ login, role }) => ({ login, role })),
    durationMs: Date.now() - started,
  };
}
