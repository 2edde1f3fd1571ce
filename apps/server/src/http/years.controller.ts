import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { describeIssues, InvalidValueError, isValidIsoDate } from '@liaison/domain';
import { type Response } from 'express';
import { z } from 'zod';
import { type AuthenticatedRequest, Roles } from '../auth/auth.guard';
import { WRITER_ROLES } from '../auth/roles';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { RolloverBlockedError } from '../rollover/rollover-service';
import { positiveInt, uaiParam, yearParam } from './query-params';

/** `POST …/rollover`: both flags default to false. */
export const rolloverBody = z
  .object({
    dryRun: z.boolean({ error: 'dryRun : vrai ou faux est attendu' }).optional(),
    carryClasses: z.boolean({ error: 'carryClasses : vrai ou faux est attendu' }).optional(),
  })
  .optional();

/** The year-level operations: the rollover into the next year, and the year's checklist. */
@Controller('api/establishments')
export class YearsController {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  /**
   * Builds year+1 from `:year` (`{dryRun, carryClasses}`): 200 with the plan (and, for a real
   * run, the rollover id and positions); 409 with the plan when pupils have no usable plan.
   */
  @Post(':uai/years/:year/rollover')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  async rollover(
    @Param('uai') uai: string,
    @Param('year') year: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const parsed = rolloverBody.safeParse(body ?? undefined, { error: z.locales.fr().localeError });
    if (!parsed.success) throw new InvalidValueError(`bascule : ${describeIssues(parsed.error.issues)}`);
    try {
      return await this.kernel.rollovers.run({
        uai: uaiParam(uai),
        fromYear: yearParam(year),
        carryClasses: parsed.data?.carryClasses ?? false,
        dryRun: parsed.data?.dryRun ?? false,
        actor: request.user.login,
      });
    } catch (error) {
      if (error instanceof RolloverBlockedError) {
        response.status(409);
        return { error: 'blocked', code: 'rollover_blocked', message: error.message, plan: error.plan };
      }
      throw error;
    }
  }

  /** The year's checklist: steps in order, due dates, « Fait le », overdue against `today`. */
  @Get(':uai/years/:year/checklist')
  checklist(
    @Param('uai') uai: string,
    @Param('year') year: string,
    @Query('asOf') asOf?: string,
    @Query('today') today?: string,
  ) {
    if (today !== undefined && !isValidIsoDate(today)) {
      throw new InvalidValueError(`paramètre today « ${today} » invalide : une date AAAA-MM-JJ est attendue`);
    }
    const at = positiveInt('asOf', asOf);
    return this.kernel.checklists.show(uaiParam(uai), yearParam(year), {
      ...(at === undefined ? {} : { asOf: at }),
      ...(today === undefined ? {} : { today }),
    });
  }
}
