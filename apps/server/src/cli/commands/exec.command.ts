import { CommandBus } from '@nestjs/cqrs';
import { type Command } from 'commander';
import { DomainError } from '@liaison/domain';
import { BatchCommandError, type CommandResult } from '../../commands/command-pipeline';
import { ExecuteDomainBatch } from '../../cqrs/execute-domain-batch';
import { ExecuteDomainCommand } from '../../cqrs/execute-domain-command';
import { ConcurrencyError } from '../../event-store/errors';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, requireActor, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { readInput } from '../read-input';

interface ExecOptions extends CommonOptions {
  atomic?: boolean;
}

interface AppliedLine {
  line: number;
  type: string;
  streamId: string;
  positions: number[];
  warnings: string[];
}

/** Parses the JSONL text into numbered commands; blank lines are skipped but keep their number. */
function parseLines(text: string): Array<{ line: number; raw: unknown } | { line: number; error: string }> {
  return text
    .split(/\r?\n/)
    .map((content, index) => ({ content: content.trim(), line: index + 1 }))
    .filter(({ content }) => content !== '')
    .map(({ content, line }) => {
      try {
        return { line, raw: JSON.parse(content) as unknown };
      } catch (error) {
        return { line, error: `JSON invalide : ${(error as Error).message}` };
      }
    });
}

export function registerExecCommand(program: Command): void {
  withCommonOptions(
    program
      .command('exec')
      .description('applique des commandes du domaine, une par ligne JSON {"type", "payload"} (- : entrée standard)')
      .argument('<file>', 'fichier JSONL, ou - pour l’entrée standard')
      .option('--atomic', 'toutes les lignes en une transaction : la première refusée n’en laisse aucune'),
    { actor: true },
  ).action(async (file: string, options: ExecOptions) => {
    const out = new Output(Boolean(options.json));
    const actor = requireActor(options);
    const lines = parseLines(readInput(file));
    const applied: AppliedLine[] = [];
    const record = (line: number, result: CommandResult) => {
      applied.push({
        line,
        type: result.type,
        streamId: result.streamId,
        positions: result.positions,
        warnings: result.warnings,
      });
      for (const warning of result.warnings) out.line(`line ${line}: avertissement : ${warning}`);
    };
    await withAppContext(resolveDbPath(options), async (app) => {
      const bus = app.get(CommandBus);
      if (options.atomic) {
        const unreadable = lines.find((entry) => 'error' in entry);
        if (unreadable && 'error' in unreadable) {
          throw new CliError(`line ${unreadable.line}: ${unreadable.error}`, ExitCode.invalidInput, {
            applied,
            line: unreadable.line,
          });
        }
        const entries = lines as Array<{ line: number; raw: unknown }>;
        try {
          const results = await bus.execute(
            new ExecuteDomainBatch(
              entries.map((e) => e.raw),
              { actor, source: 'cli' },
            ),
          );
          results.forEach((result, index) => record(entries[index]!.line, result));
        } catch (error) {
          if (!(error instanceof BatchCommandError)) throw error;
          throw refusal(entries[error.index]!.line, error.cause, applied);
        }
        return;
      }
      for (const entry of lines) {
        if ('error' in entry) {
          throw new CliError(`line ${entry.line}: ${entry.error}`, ExitCode.invalidInput, { applied, line: entry.line });
        }
        try {
          record(entry.line, await bus.execute(new ExecuteDomainCommand(entry.raw, { actor, source: 'cli' })));
        } catch (error) {
          throw refusal(entry.line, error, applied);
        }
      }
    });
    out.data({ applied });
    out.line(`${applied.length} commande(s) appliquée(s).`);
  });
}

/** A refused line as the CLI reports it: exit 2 for invalid input, 1 for a rule or a concurrent change. */
function refusal(line: number, error: unknown, applied: AppliedLine[]): unknown {
  if (error instanceof DomainError) {
    const code = error.kind === 'invalid' ? ExitCode.invalidInput : ExitCode.rejected;
    return new CliError(`line ${line}: ${error.message}`, code, { applied, line, code: error.code });
  }
  if (error instanceof ConcurrencyError) {
    return new CliError(`line ${line}: modification concurrente de ${error.streamId}`, ExitCode.rejected, { applied, line });
  }
  return error;
}
