import { type Command } from 'commander';
import { checkUai, parseSchoolYear } from '@liaison/domain';
import { CliError, ExitCode } from './exit-codes';

export interface SchoolOptions {
  uai: string;
  year: number;
}

/** `--uai U --year Y`, both required and checked. */
export function withSchoolOptions(command: Command): Command {
  return command
    .requiredOption('--uai <uai>', 'UAI de l’établissement (ex. 0750680G)', (value: string) => {
      const reason = checkUai(value);
      if (reason) throw new CliError(reason, ExitCode.rejected);
      return value;
    })
    .requiredOption('--year <year>', 'année scolaire, par son année de début (2026 = 2026-2027)', (value: string) => {
      try {
        return parseSchoolYear(value);
      } catch (error) {
        throw new CliError((error as Error).message, ExitCode.rejected);
      }
    });
}
