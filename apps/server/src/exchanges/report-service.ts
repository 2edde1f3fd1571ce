import { InvalidValueError, RuleViolationError } from '@liaison/domain';
import { type Kernel } from '../kernel/kernel';
import { loadSnapshot } from './snapshot-loader';

/** No plugin declares the report asked for: 404 over HTTP, exit 2 from the CLI. */
export class UnknownReportError extends Error {
  constructor(reportId: string, known: readonly string[]) {
    super(`rapport inconnu : « ${reportId} » (rapports disponibles : ${known.join(', ') || 'aucun'})`);
    this.name = 'UnknownReportError';
  }
}

export interface ReportResult {
  reportId: string;
  displayName: string;
  uai: string;
  year: number;
  /** The global position the figures reflect. */
  asOf: number;
  asOfTime: string;
  data: unknown;
}

/** Runs the plugins' reports (figures as JSON) on an establishment's year, live or as of a past position. */
export class ReportService {
  constructor(private readonly kernel: Kernel) {}

  async run(
    reportId: string,
    uai: string,
    year: number,
    parameters: Record<string, string>,
    asOf?: number,
  ): Promise<ReportResult> {
    const report = this.kernel.plugins.report(reportId);
    if (!report)
      throw new UnknownReportError(
        reportId,
        this.kernel.plugins.reports().map((r) => r.id),
      );
    const snapshot = await loadSnapshot(this.kernel, uai, year, asOf);
    if (!snapshot.establishment.registered) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`);
    }
    const owner = this.kernel.plugins.plugins.find((p) => p.reports?.includes(report));
    if (owner && snapshot.establishment.degree !== owner.manifest.degree) {
      throw new RuleViolationError(
        'report_other_degree',
        `le rapport ${reportId} concerne le ${owner.manifest.degree === 'first' ? 'premier' : 'second'} degré ; ${uai} n’en est pas`,
      );
    }
    const allowed = new Set(Object.keys(report.parameters ?? {}));
    const unknown = Object.keys(parameters).filter((name) => !allowed.has(name));
    if (unknown.length > 0) {
      throw new InvalidValueError(
        `paramètre(s) inconnu(s) pour le rapport ${reportId} : ${unknown.join(', ')} (acceptés : ${[...allowed].join(', ') || 'aucun'})`,
      );
    }
    return {
      reportId,
      displayName: report.displayName,
      uai,
      year,
      asOf: snapshot.asOf,
      asOfTime: snapshot.asOfTime,
      data: report.run(snapshot, parameters),
    };
  }
}
