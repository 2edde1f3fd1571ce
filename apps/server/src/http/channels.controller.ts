import { Body, Controller, HttpCode, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { describeIssues, InvalidValueError } from '@liaison/domain';
import { type Response } from 'express';
import { z } from 'zod';
import { type AuthenticatedRequest, Roles } from '../auth/auth.guard';
import { WRITER_ROLES } from '../auth/roles';
import {
  ChannelConfigMissingError,
  ChannelService,
  UnknownChannelActionError,
  UnknownChannelError,
} from '../exchanges/channel-service';
import { exportDirOf } from '../exchanges/export-service';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { uaiParam, yearParam } from './query-params';

const exchangeBody = z.object({ uai: z.string(), year: z.union([z.number(), z.string()]) });

/** What each outcome of an exchange answers: the report, whatever happened. */
const STATUS_CODES = { done: 200, pending: 202, failed: 502 } as const;

/** The exchange channels (web services standing for files), as `liaison exchange` runs them. */
@Controller('api/exchanges')
export class ChannelsController {
  private readonly service: ChannelService;

  constructor(@Inject(KERNEL) kernel: Kernel) {
    this.service = new ChannelService(kernel);
  }

  @Post(':channel/:action')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  async run(
    @Param('channel') channelId: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const parsed = exchangeBody.safeParse(body, { error: z.locales.fr().localeError });
    if (!parsed.success) throw new InvalidValueError(`échange : ${describeIssues(parsed.error.issues)}`);
    try {
      const report = await this.service.run({
        channelId,
        action,
        uai: uaiParam(parsed.data.uai),
        year: yearParam(String(parsed.data.year)),
        actor: request.user.login,
        outDir: exportDirOf(undefined),
      });
      response.status(STATUS_CODES[report.status]);
      return { channel: channelId, action, ...report };
    } catch (error) {
      if (error instanceof UnknownChannelError || error instanceof UnknownChannelActionError) {
        throw new NotFoundException(error.message);
      }
      if (error instanceof ChannelConfigMissingError) {
        response.status(503);
        return { error: 'unavailable', code: 'channel_not_configured', message: error.message, missing: error.variables };
      }
      throw error;
    }
  }
}
