import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type Response } from 'express';
import { type AuthenticatedRequest, Roles } from '../auth/auth.guard';
import { WRITER_ROLES } from '../auth/roles';
import { ExecuteDomainCommand } from '../cqrs/execute-domain-command';
import { etagOf, parseIfMatch } from './etag';

@Controller('api/commands')
export class CommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  /** One command; the actor is the logged-in user. */
  @Post()
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  async execute(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commandBus.execute(
      new ExecuteDomainCommand(body, {
        actor: request.user.login,
        source: 'http',
        ...parseIfMatch(ifMatch),
      }),
    );
    response.setHeader('ETag', etagOf([{ streamId: result.streamId, version: result.version }]));
    return {
      type: result.type,
      streamId: result.streamId,
      version: result.version,
      positions: result.positions,
      warnings: result.warnings,
    };
  }
}
