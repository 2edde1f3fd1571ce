import { CommandBus } from '@nestjs/cqrs';
import { type Command } from 'commander';
import { DomainError } from '@liaison/domain';
import { ExecuteDomainCommand } from '../../cqrs/execute-domain-command';
import { ConcurrencyError } from '../../event-store/errors';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, requireActor, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { readInput } from '../read-input';

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
      .argument('<file>', 'fichier JSONL, ou - pour l’entrée standard'),
    { actor: true },
  ).action(async (file: string, options: CommonOptions) => {
    const out = new Output(Boolean(options.json));
    const actor = requireActor(options);
    const lines = parseLines(readInput(file));
    const applied: AppliedLine[] = [];
    await withAppContext(resolveDbPath(options), async (app) => {
      const bus = app.get(CommandBus);
      for (const entry of lines) {
        if ('error' in entry) {
          throw new CliError(`line ${entry.line}: ${entry.error}`, ExitCode.invalidInput, { applied, line: entry.line });
        }
        try {
          const result = await bus.execute(new ExecuteDomainCommand(entry.raw, { actor, source: 'cli' }));
          applied.push({
            line: entry.line,
            type: result.type,
            streamId: result.streamId,
            positions: result.positions,
            warnings: result.warnings,
          });
          for (const warning of result.warnings) out.line(`line ${entry.line}: avertissement : ${warning}`);
        } catch (error) {
          if (error instanceof DomainError) {
            const code = error.kind === 'invalid' ? ExitCode.invalidInput : ExitCode.rejected;
            throw new CliError(`line ${entry.line}: ${error.message}`, code, { applied, line: entry.line, code: error.code });
          }
          if (error instanceof ConcurrencyError) {
            throw new CliError(`line ${entry.line}: modification concurrente de ${error.streamId}`, ExitCode.rejected, {
              applied,
              line: entry.line,
            });
          }
          throw error;
        }
      }
    });
    out.data({ applied });
    out.line(`${applied.length} commande(s) appliquée(s).`);
  });
}
