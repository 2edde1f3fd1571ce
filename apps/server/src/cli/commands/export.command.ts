import { resolve } from 'node:path';
import { type Command } from 'commander';
import { ExportBlockedError, ExportCancelledError } from '../../exchanges/exchange-errors';
import { exportDirOf, type ExportResult } from '../../exchanges/export-service';
import { withAppContext } from '../app-context';
import { confirmOnTerminal } from '../confirm';
import { CliError, ExitCode } from '../exit-codes';
import { type CommonOptions, requireActor, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { positiveInteger } from '../parse-int';
import { type SchoolOptions, withSchoolOptions } from '../school-options';
import { printExportPreview } from '../export-preview-output';
import { warningLines } from '../warning-lines';

interface ExportOptions extends CommonOptions, SchoolOptions {
  out?: string;
  asOf?: number;
  yes?: boolean;
  preview?: boolean;
}

export function registerExportCommand(program: Command): void {
  withCommonOptions(
    withSchoolOptions(
      program
        .command('export')
        .description('produit un export pour le rectorat ; code 3 si des anomalies le bloquent')
        .argument('<format>', 'identifiant du format (liaison formats)')
        .option('--out <dir>', 'dossier des exports (défaut : $LIAISON_EXPORT_DIR, sinon ./Export)')
        .option(
          '--as-of <position>',
          'refait l’export tel qu’il était à cette position, sans rien enregistrer',
          positiveInteger('--as-of'),
        )
        .option('--yes', 'ne demande pas de confirmation')
        .option('--preview', 'montre ce que l’export emporterait depuis le précédent, et qui l’a changé, sans rien écrire'),
    ),
    { actor: true },
  ).action(async (formatId: string, options: ExportOptions) => {
    const out = new Output(Boolean(options.json));
    if (options.preview) {
      const preview = await withAppContext(resolveDbPath(options), (_app, kernel) =>
        kernel.exports.preview(formatId, options.uai, options.year),
      );
      out.data(preview);
      printExportPreview(out, preview);
      // As the dry run of a rollover: a script learns the export would be refused.
      if (preview.plan.blocking.length > 0) process.exitCode = ExitCode.blocked;
      return;
    }
    const outDir = resolve(exportDirOf(options.out, options.asOf));
    const askUser = !options.yes && process.stdin.isTTY && process.stderr.isTTY;
    const result: ExportResult = await withAppContext(resolveDbPath(options), async (_app, kernel) => {
      try {
        if (options.asOf !== undefined) {
          return await kernel.exports.replay({
            formatId,
            uai: options.uai,
            year: options.year,
            outDir,
            asOf: options.asOf,
            actor: '',
            source: 'cli',
          });
        }
        const actor = requireActor(options);
        return await kernel.exports.produce({
          formatId,
          uai: options.uai,
          year: options.year,
          outDir,
          actor,
          source: 'cli',
          ...(askUser
            ? {
                confirm: ({ counts }) =>
                  confirmOnTerminal(
                    `Exporter ${formatId} pour ${options.uai} (${Object.entries(counts)
                      .map(([k, n]) => `${n} ${k}`)
                      .join(', ')}) dans ${outDir} ?`,
                  ),
              }
            : {}),
        });
      } catch (error) {
        if (error instanceof ExportBlockedError) {
          for (const a of error.anomalies) out.error(`  ${a.entity.label} : ${a.message}`);
          throw new CliError(error.message, ExitCode.blocked, { anomalies: error.anomalies });
        }
        if (error instanceof ExportCancelledError) throw new CliError(error.message, ExitCode.rejected);
        throw error;
      }
    });
    out.data({ ...result.manifest, paths: result.paths, replay: result.replay });
    for (const line of warningLines(result.warnings)) out.line(line);
    if (result.replay)
      out.line(`Export ${formatId} refait tel qu’à la position ${result.manifest.asOf} (rien n’a été enregistré) :`);
    else out.line(`Export ${formatId} produit (${result.manifest.exportId}), à déposer dans l’application nationale :`);
    for (const path of result.paths) out.line(`  ${path}`);
    for (const f of result.manifest.files) out.line(`  ${f.name} — SHA-256 ${f.sha256} — ${f.size} octets`);
  });
}
