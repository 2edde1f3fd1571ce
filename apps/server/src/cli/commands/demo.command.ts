import { type Command } from 'commander';
import { isValidIsoDate } from '@liaison/domain';
import { UsersService } from '../../auth/users.service';
import { applyDemo, DEFAULT_INSTALLER, DemoCommandRefusedError, DemoRefusedError } from '../../demo/apply';
import { parisInstant } from '../../demo/calendar';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';

export const DEMO_ALREADY_PRESENT = 'La base contient déjà la démonstration : rien n’a été modifié.';

const ROLE_LABELS: Record<string, string> = { direction: 'direction', secretariat: 'secrétariat' };

/** `LIAISON_DEMO_TODAY=YYYY-MM-DD` pins "today" (tests, screenshots); the day's history is included. */
function demoNow(): Date {
  const today = process.env.LIAISON_DEMO_TODAY?.trim();
  if (!today) return new Date();
  if (!isValidIsoDate(today)) {
    throw new CliError(`LIAISON_DEMO_TODAY « ${today} » invalide : une date AAAA-MM-JJ est attendue`, ExitCode.rejected);
  }
  return parisInstant(today, 23 * 60 + 59);
}

const number = (n: number) => n.toLocaleString('fr-FR');
const schoolYear = (y: number) => `${y}-${y + 1}`;

/** Applies the demo to the database of `--db` and prints the summary, or why not. */
async function runDemo(options: CommonOptions): Promise<void> {
  const out = new Output(Boolean(options.json));
  const installer = (options.actor ?? process.env.LIAISON_ACTOR ?? '').trim() || DEFAULT_INSTALLER;
  const now = demoNow();
  const outcome = await withAppContext(resolveDbPath(options), (app, kernel) =>
    applyDemo(kernel, app.get(UsersService), { now, installer }),
  ).catch((error: unknown) => {
    if (error instanceof DemoRefusedError) throw new CliError(error.message, ExitCode.rejected);
    if (error instanceof DemoCommandRefusedError) {
      throw new CliError(`${error.message} — c’est une erreur de la démonstration`, ExitCode.rejected, {
        command: error.command,
        index: error.index,
      });
    }
    throw error;
  });
  if (outcome.status === 'already-present') {
    out.data({ status: outcome.status, message: DEMO_ALREADY_PRESENT });
    out.line(DEMO_ALREADY_PRESENT);
    return;
  }
  out.data(outcome);
  const c = outcome.counts;
  out.line(`Démonstration créée en ${(outcome.durationMs / 1000).toFixed(1).replace('.', ',')} s :`);
  out.line(
    `  établissements : ${outcome.establishments.length} — ${outcome.establishments.map((e) => `${e.name} (${e.uai})`).join(', ')}`,
  );
  out.line(
    `  années scolaires : ${schoolYear(outcome.previousYear)} (historique complet) et ${schoolYear(outcome.currentYear)} (en cours)`,
  );
  out.line(`  classes : ${number(c.classes)}, dont ${number(c.classesCurrentYear)} en ${schoolYear(outcome.currentYear)}`);
  out.line(
    `  élèves : ${number(c.pupils)}, dont ${number(c.pupilsEnrolledCurrentYear)} inscrits et ${number(c.pupilsPreEnrolledCurrentYear)} préinscrits en ${schoolYear(outcome.currentYear)}`,
  );
  out.line(`  responsables : ${number(c.guardians)}`);
  for (const [plugin, count] of Object.entries(outcome.pluginCommands)) {
    out.line(`  apport du plugin ${plugin} : ${number(count)} commandes`);
  }
  const total = c.commands + Object.values(outcome.pluginCommands).reduce((a, b) => a + b, 0);
  out.line(`  événements : ${number(outcome.events)} (${number(total)} commandes, en une seule transaction)`);
  out.line(
    `  utilisateurs : ${outcome.users.map((u) => `${u.login} (${ROLE_LABELS[u.role] ?? u.role})`).join(', ')}, mot de passe « demo »`,
  );
  for (const warning of outcome.warnings) out.line(`  avertissement : ${warning}`);
  out.line('Connectez-vous avec direction / demo.');
}

export function registerDemoCommand(program: Command): void {
  withCommonOptions(
    program
      .command('demo')
      .description(
        'remplit une base vide avec un groupe scolaire de démonstration (une école, un collège-lycée, deux années d’historique, quelques anomalies) et les comptes direction / demo et secretariat / demo',
      ),
  )
    .option('--actor <name>', 'auteur de la mise en place des établissements (défaut : $LIAISON_ACTOR, sinon installation)')
    .action(runDemo);
}
