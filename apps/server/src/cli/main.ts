#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { DomainError } from '@liaison/domain';
import { registerDemoCommand } from './commands/demo.command';
import { registerControlCommand } from './commands/control.command';
import { registerExecCommand } from './commands/exec.command';
import { registerExportCommand } from './commands/export.command';
import { registerExportsCommand } from './commands/exports.command';
import { registerReportCommand } from './commands/report.command';
import { registerExchangeCommand } from './commands/exchange.command';
import { registerChecklistCommand } from './commands/checklist.command';
import { registerYearCommand } from './commands/year.command';
import { registerImportCommand } from './commands/import.command';
import { registerFormatsCommand } from './commands/formats.command';
import { registerHistoryCommand } from './commands/history.command';
import { registerProjectionsCommand } from './commands/projections.command';
import { registerServeCommand } from './commands/serve.command';
import { registerUsersCommand } from './commands/users.command';
import { CliError, ExitCode } from './exit-codes';

function buildProgram(): Command {
  const program = new Command('liaison')
    .description('Liaison — base élèves et échanges avec le rectorat (ONDE, SIECLE, STS-web)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerServeCommand(program);
  registerDemoCommand(program);
  registerExecCommand(program);
  registerImportCommand(program);
  registerControlCommand(program);
  registerExportCommand(program);
  registerExportsCommand(program);
  registerExchangeCommand(program);
  registerReportCommand(program);
  registerYearCommand(program);
  registerChecklistCommand(program);
  registerHistoryCommand(program);
  registerProjectionsCommand(program);
  registerUsersCommand(program);
  registerFormatsCommand(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.rejected;
      return;
    }
    const [message, code, details] =
      error instanceof CliError
        ? [error.message, error.exitCode, error.details]
        : error instanceof DomainError
          ? [error.message, error.kind === 'invalid' ? ExitCode.invalidInput : ExitCode.rejected, undefined]
          : [`erreur inattendue : ${(error as Error)?.stack ?? String(error)}`, ExitCode.rejected, undefined];
    if (json) process.stdout.write(`${JSON.stringify({ error: { message, exitCode: code, ...details } }, null, 2)}\n`);
    process.stderr.write(`${message}\n`);
    process.exitCode = code;
  }
}

void main(process.argv);
