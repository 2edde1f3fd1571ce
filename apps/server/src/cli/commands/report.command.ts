import { type Command } from 'commander';
import { UnknownReportError } from '../../exchanges/report-service';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { positiveInteger } from '../parse-int';
import { type SchoolOptions, withSchoolOptions } from '../school-options';

interface ReportOptions extends CommonOptions, SchoolOptions {
  asOf?: number;
  param: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `name=value` pairs into the report's parameters, refusing anything else. */
function parametersOf(pairs: readonly string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new CliError(
        `--param « ${pair} » invalide : nom=valeur est attendu (ex. --param date=2026-10-01)`,
        ExitCode.invalidInput,
      );
    parameters[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return parameters;
}

export function registerReportCommand(program: Command): void {
  withCommonOptions(
    withSchoolOptions(
      program
        .command('report')
        .description('un rapport d’un plugin (chiffres de l’année), ex. siecle.effectifs ; liaison formats les liste')
        .argument('<report>', 'identifiant du rapport (ex. siecle.effectifs)')
        .option('--param <nom=valeur>', 'paramètre du rapport, répétable (siecle.effectifs : date=AAAA-MM-JJ)', collect, [])
        .option('--as-of <position>', 'tel qu’à cette position du journal', positiveInteger('--as-of')),
    ),
  ).action(async (reportId: string, options: ReportOptions) => {
    const out = new Output(Boolean(options.json));
    const parameters = parametersOf(options.param);
    const { result, lines } = await withAppContext(resolveDbPath(options), async (_app, kernel) => {
      try {
        const result = await kernel.reports.run(reportId, options.uai, options.year, parameters, options.asOf);
        return { result, lines: kernel.plugins.report(reportId)?.lines?.(result.data) };
      } catch (error) {
        if (error instanceof UnknownReportError) throw new CliError(error.message, ExitCode.invalidInput);
        throw error;
      }
    });
    out.data(result);
    for (const line of lines ?? JSON.stringify(result.data, null, 2).split('\n')) out.line(line);
  });
}
