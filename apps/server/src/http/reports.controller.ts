import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { RuleViolationError } from '@liaison/domain';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { loadSnapshot } from '../exchanges/snapshot-loader';
import { positiveInt, uaiParam, yearParam } from './query-params';

/** The plugins' reports: figures as JSON (start-of-year head-counts…), live or as of a past position. */
@Controller('api/establishments/:uai/years/:year/reports')
export class ReportsController {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  /** The reports of the establishment's degree, with the parameters they accept. */
  @Get()
  async list(@Param('uai') uai: string, @Param('year') year: string) {
    const snapshot = await loadSnapshot(this.kernel, uaiParam(uai), yearParam(year));
    const degree = snapshot.establishment.degree;
    if (!snapshot.establishment.registered || !degree) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`);
    }
    return this.kernel.plugins
      .reports(degree)
      .map((r) => ({ id: r.id, displayName: r.displayName, parameters: r.parameters ?? {} }));
  }

  /** `?asOf=` reads the state at that position; every other query parameter goes to the report. */
  @Get(':id')
  run(@Param('uai') uai: string, @Param('year') year: string, @Param('id') id: string, @Query() query: Record<string, unknown>) {
    const { asOf, ...rest } = query;
    const parameters = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]));
    return this.kernel.reports.run(
      id,
      uaiParam(uai),
      yearParam(year),
      parameters,
      positiveInt('asOf', asOf as string | undefined),
    );
  }
}
