import { type Command } from 'commander';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';

export function registerProjectionsCommand(program: Command): void {
  const projections = program.command('projections').description('read models : état des points de reprise, reconstruction');

  withCommonOptions(projections.command('status').description('position, version et état de chaque projection')).action(
    async (options: CommonOptions) => {
      const out = new Output(Boolean(options.json));
      const status = await withAppContext(resolveDbPath(options), async (_app, kernel) => {
        await kernel.projections.catchUp();
        return kernel.projections.status();
      });
      out.data(status);
      for (const p of status) {
        out.line(
          `${p.name.padEnd(28)} v${p.version}  ${p.mode.padEnd(6)}  position ${p.position}  retard ${p.behind}  ${p.status}` +
            (p.lastError ? `  (${p.lastError})` : ''),
        );
      }
      if (status.some((p) => p.status === 'failed')) process.exitCode = ExitCode.rejected;
    },
  );

  withCommonOptions(
    projections
      .command('rebuild')
      .description('vide et rejoue depuis le journal une projection, ou toutes')
      .argument('[name]', 'nom de la projection'),
  ).action(async (name: string | undefined, options: CommonOptions) => {
    const out = new Output(Boolean(options.json));
    const reports = await withAppContext(resolveDbPath(options), async (_app, kernel) => {
      const names = name ? [kernel.projections.get(name).name] : kernel.projections.projections.map((p) => p.name);
      const done = [];
      for (const n of names) done.push(await kernel.projections.rebuild(n));
      return done;
    }).catch((error: Error) => {
      if (error.message.startsWith('projection inconnue')) throw new CliError(error.message, ExitCode.rejected);
      throw error;
    });
    out.data(reports);
    for (const r of reports) {
      out.line(
        `${r.name} : ${r.applied} événement(s) rejoué(s), position ${r.position}${r.failed ? ` — ÉCHEC : ${r.failed}` : ''}`,
      );
    }
    if (reports.some((r) => r.failed)) process.exitCode = ExitCode.rejected;
  });
}
