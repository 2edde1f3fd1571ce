import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { RuleViolationError } from '@liaison/domain';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { UnknownReportError } from '../exchanges/report-service';
import { loadEstablishment } from '../exchanges/snapshot-loader';
import { positiveInt, uaiParam, yearParam } from './query-params';

/** The plugins' reports: figures as JSON (start-of-year head-counts…), live or as of a past position. */
@Controller('api/establishments/:uai/years/:year/reports')
export class ReportsController {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  /** The reports of the establishment's degree, with the parameters they accept. */
  @Get()
  list(@Param('uai') uai: string, @Param('year') year: string) {
    yearParam(year);
    const establishment = loadEstablishment(this.kernel, uaiParam(uai));
    const degree = establishment.degree;
    if (!establishment.registered || !degree) {
      throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`);
    }
    return this.kernel.plugins
      .reports(degree)
      .map((r) => ({ id: r.id, displayName: r.displayName, parameters: r.parameters ?? {} }));
  }

  /** `?asOf=` reads the state at that position; every other query parameter goes to the report. */
  @Get(':id')
  async run(
    @Param('uai') uai: string,
    @Param('year') year: string,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ) {
    const { asOf, ...rest } = query;
    const parameters = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]));
    try {
      return await this.kernel.reports.run(
        id,
        uaiParam(uai),
        yearParam(year),
        parameters,
        positiveInt('asOf', asOf as string | undefined),
      );
    } catch (error) {
      if (error instanceof UnknownReportError) throw new NotFoundException(error.message);
      throw error;
    }
  }
}
