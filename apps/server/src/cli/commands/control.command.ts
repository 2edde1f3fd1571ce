import { type Command } from 'commander';
import { type ControlReport } from '@liaison/domain';
import { withAppContext } from '../app-context';
import { ExitCode } from '../exit-codes';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { positiveInteger } from '../parse-int';
import { type SchoolOptions, withSchoolOptions } from '../school-options';

interface ControlOptions extends CommonOptions, SchoolOptions {
  asOf?: number;
}

/** The report as the secretary reads it: anomalies grouped by pupil or class, then the counts. */
export function printControlReport(out: Output, report: ControlReport): void {
  const byEntity = new Map<string, ControlReport['anomalies']>();
  for (const a of report.anomalies) {
    const key = `${a.entity.kind}:${a.entity.id}`;
    byEntity.set(key, [...(byEntity.get(key) ?? []), a]);
  }
  for (const anomalies of byEntity.values()) {
    out.line(`${anomalies[0]!.entity.label}`);
    for (const a of anomalies) out.line(`  ${a.severity === 'error' ? 'ERREUR ' : 'attention'} ${a.message}`);
  }
  if (report.excluded.length > 0) {
    out.line('Élèves non exportés :');
    for (const e of report.excluded) out.line(`  ${e.label} : ${e.reason}`);
  }
  out.line(
    `Élèves contrôlés : ${report.counts.checked} — élèves conformes : ${report.counts.compliant} — Élève(s) non conforme(s) : ${report.counts.nonCompliant}` +
      (report.counts.excluded ? ` — non exportés : ${report.counts.excluded}` : ''),
  );
}

export function registerControlCommand(program: Command): void {
  withCommonOptions(
    withSchoolOptions(
      program
        .command('control')
        .description('contrôle la base élèves pour un plugin ; code 3 tant qu’un élève est non conforme')
        .argument('<plugin>', 'le plugin dont les règles s’appliquent (ex. first-degree-onde)')
        .option('--as-of <position>', 'la base telle qu’elle était à cette position', positiveInteger('--as-of')),
    ),
  ).action(async (plugin: string, options: ControlOptions) => {
    const out = new Output(Boolean(options.json));
    const report = await withAppContext(resolveDbPath(options), (_app, kernel) =>
      kernel.controls.run(plugin, options.uai, options.year, options.asOf),
    );
    out.data(report);
    printControlReport(out, report);
    const blocking = report.counts.nonCompliant > 0 || report.anomalies.some((a) => a.severity === 'error');
    if (blocking) process.exitCode = ExitCode.blocked;
  });
}
