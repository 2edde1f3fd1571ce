import { type Command } from 'commander';
import { isValidIsoDate, parisDateOf } from '@liaison/domain';
import { withAppContext } from '../app-context';
import { printChecklist } from '../checklist-output';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, requireActor, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { positiveInteger } from '../parse-int';
import { type SchoolOptions, withSchoolOptions } from '../school-options';

interface ChecklistOptions extends CommonOptions, SchoolOptions {
  step?: string;
  doneOn?: string;
  occurrence?: number;
  asOf?: number;
  today?: string;
}

const isoDate = (name: string) => (value: string) => {
  if (!isValidIsoDate(value))
    throw new CliError(`${name} « ${value} » invalide : une date AAAA-MM-JJ est attendue`, ExitCode.rejected);
  return value;
};

/**
 * `checklist` shows the year's steps; `checklist tick|untick --step S` records that a step done
 * outside Liaison was done (or takes it back). One command with an optional action, rather than
 * subcommands, so `--uai` and `--year` read the same in all three forms.
 */
export function registerChecklistCommand(program: Command): void {
  withCommonOptions(
    withSchoolOptions(
      program
        .command('checklist')
        .description('la liste des étapes de l’année ; tick / untick cochent ou décochent une étape faite hors de Liaison')
        .argument('[action]', 'show (défaut), tick ou untick', 'show')
        .option('--step <id>', 'l’étape : son identifiant (second-degree-siecle:4) ou son numéro (4)')
        .option('--done-on <date>', 'tick : la date où elle a été faite (défaut : aujourd’hui)', isoDate('--done-on'))
        .option(
          '--occurrence <n>',
          'untick : laquelle des coches retirer (défaut : la dernière)',
          positiveInteger('--occurrence'),
        )
        .option('--as-of <position>', 'la liste telle qu’elle était à cette position', positiveInteger('--as-of'))
        .option('--today <date>', 'le jour auquel juger les retards (défaut : aujourd’hui)', isoDate('--today')),
    ),
    { actor: true },
  ).action(async (action: string, options: ChecklistOptions) => {
    const out = new Output(Boolean(options.json));
    if (!['show', 'tick', 'untick'].includes(action)) {
      throw new CliError(`action « ${action} » inconnue : show, tick ou untick est attendu`, ExitCode.rejected);
    }
    if (action !== 'show' && !options.step) throw new CliError(`checklist ${action} : --step est obligatoire`, ExitCode.rejected);
    const actor = action === 'show' ? '' : requireActor(options);
    await withAppContext(resolveDbPath(options), async (_app, kernel) => {
      if (action !== 'show') {
        const stepId = kernel.checklists.resolveStepId(options.uai, options.step!);
        const ref = { uai: options.uai, year: options.year, stepId };
        const result = await kernel.pipeline.execute(
          action === 'tick'
            ? { type: 'TickChecklistStep', payload: { ...ref, doneOn: options.doneOn ?? parisDateOf(new Date().toISOString()) } }
            : {
                type: 'UntickChecklistStep',
                payload: { ...ref, ...(options.occurrence ? { occurrence: options.occurrence } : {}) },
              },
          { actor, source: 'cli' },
        );
        if (!options.json) {
          out.line(
            result.positions.length === 0
              ? `Étape ${stepId} : déjà cochée à cette date, rien n’a changé.`
              : `Étape ${stepId} ${action === 'tick' ? 'cochée' : 'décochée'} par ${actor}.`,
          );
        }
      }
      const list = kernel.checklists.show(options.uai, options.year, {
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        ...(options.today === undefined ? {} : { today: options.today }),
      });
      out.data(list);
      printChecklist(out, list);
    });
  });
}
