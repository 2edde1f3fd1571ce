import { type Command } from 'commander';
import { checkUai, parseSchoolYear, schoolYearLabel } from '@liaison/domain';
import { RolloverBlockedError, type RolloverResult } from '../../rollover/rollover-service';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, requireActor, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { printRolloverPlan } from '../rollover-output';

interface RolloverOptions extends CommonOptions {
  uai: string;
  from: number;
  dryRun?: boolean;
  carryClasses?: boolean;
}

const cliValue =
  <T>(parse: (value: string) => T) =>
  (value: string): T => {
    try {
      return parse(value);
    } catch (error) {
      throw new CliError((error as Error).message, ExitCode.rejected);
    }
  };

export function registerYearCommand(program: Command): void {
  const year = program.command('year').description('années scolaires');
  withCommonOptions(
    year
      .command('rollover')
      .description('construit l’année Y+1 depuis Y et les projets « An prochain » ; code 3 si des élèves sont sans projet')
      .requiredOption(
        '--uai <uai>',
        'UAI de l’établissement',
        cliValue((v) => {
          const reason = checkUai(v);
          if (reason) throw new Error(reason);
          return v;
        }),
      )
      .requiredOption('--from <year>', 'l’année reportée (2026 : 2026-2027 vers 2027-2028)', cliValue(parseSchoolYear))
      .option('--dry-run', 'affiche ce que ferait la bascule, sans rien écrire')
      .option('--carry-classes', 'reprend dans Y+1 les classes de Y qui n’y existent pas'),
    { actor: true },
  ).action(async (options: RolloverOptions) => {
    const out = new Output(Boolean(options.json));
    const dryRun = Boolean(options.dryRun);
    const actor = dryRun ? (options.actor ?? process.env.LIAISON_ACTOR ?? '') : requireActor(options);
    const title = `Bascule ${schoolYearLabel(options.from)} → ${schoolYearLabel(options.from + 1)} pour ${options.uai}`;
    const result: RolloverResult = await withAppContext(resolveDbPath(options), async (_app, kernel) => {
      try {
        return await kernel.rollovers.run({
          uai: options.uai,
          fromYear: options.from,
          carryClasses: Boolean(options.carryClasses),
          dryRun,
          actor,
        });
      } catch (error) {
        if (error instanceof RolloverBlockedError) {
          out.line(`${title}${dryRun ? ' (simulation)' : ''} :`);
          printRolloverPlan(out, error.plan);
          throw new CliError(error.message, ExitCode.blocked, { plan: error.plan });
        }
        throw error;
      }
    });
    out.data(result);
    out.line(`${title}${dryRun ? ' (simulation : rien n’est écrit)' : ''} :`);
    printRolloverPlan(out, result.plan);
    for (const w of result.warnings) out.line(`attention : ${w}`);
    if (dryRun) out.line(`${result.plan.commands.length} commande(s) seraient appliquées.`);
    else if (result.applied) out.line(`Bascule enregistrée (${result.rolloverId}) : ${result.positions.length} événement(s).`);
    else out.line('Rien à faire : tout est déjà reporté.');
  });
}
