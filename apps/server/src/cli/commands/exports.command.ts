import { type Command } from 'commander';
import { checkUai } from '@liaison/domain';
import { withAppContext } from '../app-context';
import { printChangesBySubject, printSnapshotDiff } from '../changes-output';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';

interface ListOptions extends CommonOptions {
  uai?: string;
}

interface ChangesOptions extends CommonOptions {
  since?: boolean;
}

/** The export ledger: every export recorded, what each one carried, and two of them compared. */
export function registerExportsCommand(program: Command): void {
  const exports = program.command('exports').description('le registre des exports : liste, changements, comparaison');

  withCommonOptions(
    exports
      .command('list')
      .description('les exports enregistrés, du plus récent au plus ancien')
      .option('--uai <uai>', 'ceux d’un établissement', (value: string) => {
        const reason = checkUai(value);
        if (reason) throw new CliError(reason, ExitCode.rejected);
        return value;
      }),
  ).action(async (options: ListOptions) => {
    const out = new Output(Boolean(options.json));
    const ledger = await withAppContext(resolveDbPath(options), (_app, kernel) =>
      Promise.resolve(kernel.exports.ledger(options.uai)),
    );
    out.data(ledger);
    for (const m of ledger) {
      const counts = Object.entries(m.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      out.line(
        `${m.exportId}  ${m.producedAt.replace('T', ' ').slice(0, 19)}  ${m.formatId}  ${m.uai} ${m.year}  position ${m.asOf}  ${counts}`,
      );
      for (const f of m.files) out.line(`    ${f.name} — SHA-256 ${f.sha256} — ${f.size} octets`);
    }
    out.line(`${ledger.length} export(s).`);
  });

  withCommonOptions(
    exports
      .command('changes')
      .description('qui a changé quoi avant cet export (depuis l’export précédent du même format)')
      .argument('<exportId>', 'l’export (liaison exports list)')
      .option('--since', 'ce qui a changé depuis cet export, au lieu de ce qu’il a emporté'),
  ).action(async (exportId: string, options: ChangesOptions) => {
    const out = new Output(Boolean(options.json));
    const changes = await withAppContext(resolveDbPath(options), (_app, kernel) =>
      kernel.exports.changes(exportId, options.since ? 'since' : 'carried'),
    );
    out.data(changes);
    out.line(
      options.since
        ? `Changements depuis l’export ${exportId} (après la position ${changes.from}) :`
        : `Changements emportés par l’export ${exportId} (positions ${changes.from + 1} à ${changes.to}) :`,
    );
    printChangesBySubject(out, changes.bySubject);
    out.line(`${changes.events.length} changement(s).`);
  });

  withCommonOptions(
    exports
      .command('diff')
      .description('compare deux exports du même format : élèves ajoutés, retirés, champs modifiés')
      .argument('<exportId>', 'l’export de départ')
      .argument('<otherId>', 'l’export d’arrivée'),
  ).action(async (exportId: string, otherId: string, options: CommonOptions) => {
    const out = new Output(Boolean(options.json));
    const result = await withAppContext(resolveDbPath(options), (_app, kernel) => kernel.exports.diff(exportId, otherId));
    out.data(result);
    out.line(`De ${exportId} (position ${result.from.asOf}) à ${otherId} (position ${result.to.asOf}) :`);
    printSnapshotDiff(out, result.diff);
  });
}
