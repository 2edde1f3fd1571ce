import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command } from 'commander';
import { ImportFileError } from '@liaison/domain';
import { type ImportReport } from '../../exchanges/import-report';
import { ImportRefusedError } from '../../exchanges/import-service';
import { withAppContext } from '../app-context';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, requireActor, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { type SchoolOptions, withSchoolOptions } from '../school-options';

interface ImportOptions extends CommonOptions, SchoolOptions {
  skipRejected?: boolean;
}

const OUTCOME_LABELS: Record<string, string> = {
  create: 'créé(s)',
  update: 'mis à jour',
  unchanged: 'inchangé(s)',
  unmatched: 'sans correspondance',
  rejected: 'rejeté(s)',
};

export function printImportReport(out: Output, report: ImportReport): void {
  const status =
    report.status === 'already-imported'
      ? 'Ce fichier a déjà été importé pour cette année : rien n’a été modifié. Rapport de l’import :'
      : report.status === 'refused'
        ? 'Import refusé : rien n’a été écrit.'
        : `Import ${report.formatId} de « ${report.fileName} » terminé.`;
  out.line(status);
  out.line(
    '  ' +
      Object.entries(report.counts)
        .map(([k, n]) => `${n} ${OUTCOME_LABELS[k]}`)
        .join(', '),
  );
  for (const row of report.rows.filter((r) => r.outcome === 'rejected' || r.outcome === 'unmatched')) {
    out.line(`  ${row.ref} — ${row.subject} : ${OUTCOME_LABELS[row.outcome]}${row.message ? ` (${row.message})` : ''}`);
  }
  for (const note of report.notes) out.line(`  ${note}`);
  if (report.status !== 'refused' && report.successMessage) out.line(report.successMessage);
}

function readFile(file: string): { name: string; bytes: Uint8Array } {
  try {
    return { name: basename(file), bytes: new Uint8Array(readFileSync(file)) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier introuvable' : (error as Error).message;
    throw new CliError(`impossible de lire « ${file} » : ${reason}`, ExitCode.invalidInput);
  }
}

export function registerImportCommand(program: Command): void {
  withCommonOptions(
    withSchoolOptions(
      program
        .command('import')
        .description('importe un fichier national (sans fichier : celui livré avec le plugin, s’il en a un)')
        .argument('<format>', 'identifiant du format (liaison formats)')
        .argument('[file]', 'le fichier à importer')
        .option('--skip-rejected', 'applique les lignes valides et garde les lignes rejetées dans le rapport'),
    ),
    { actor: true },
  ).action(async (formatId: string, file: string | undefined, options: ImportOptions) => {
    const out = new Output(Boolean(options.json));
    const actor = requireActor(options);
    const input = file === undefined ? undefined : readFile(file);
    const report = await withAppContext(resolveDbPath(options), async (_app, kernel) => {
      try {
        return await kernel.imports.run({
          formatId,
          uai: options.uai,
          year: options.year,
          ...(input ? { file: input } : {}),
          skipRejected: Boolean(options.skipRejected),
          actor,
        });
      } catch (error) {
        if (error instanceof ImportFileError)
          throw new CliError(`${input?.name ?? formatId} : ${error.message}`, ExitCode.invalidInput);
        if (error instanceof ImportRefusedError) return error.report;
        throw error;
      }
    });
    out.data(report);
    printImportReport(out, report);
    if (report.status === 'refused') process.exitCode = ExitCode.rejected;
  });
}
