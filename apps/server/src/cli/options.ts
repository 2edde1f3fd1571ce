import { resolve } from 'node:path';
import { type Command } from 'commander';
import { CliError, ExitCode } from './exit-codes';

export interface CommonOptions {
  db?: string;
  json?: boolean;
  actor?: string;
}

/** Every command takes `--db` and `--json`; writing ones take `--actor` too. */
export function withCommonOptions(command: Command, { actor = false } = {}): Command {
  command
    .option('--db <path>', 'fichier SQLite (défaut : $LIAISON_DB, sinon ./data/liaison.sqlite)')
    .option('--json', 'sortie JSON pour les scripts');
  if (actor) command.option('--actor <name>', 'auteur des changements (défaut : $LIAISON_ACTOR)');
  return command;
}

export function resolveDbPath(options: CommonOptions): string {
  return resolve(options.db ?? process.env.LIAISON_DB ?? './data/liaison.sqlite');
}

/** The CLI is trusted local access, but every event still names who did it. */
export function requireActor(options: CommonOptions): string {
  const actor = (options.actor ?? process.env.LIAISON_ACTOR ?? '').trim();
  if (!actor) {
    throw new CliError('aucun auteur : indiquez --actor NOM ou la variable LIAISON_ACTOR', ExitCode.rejected);
  }
  return actor;
}
