import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, InvalidValueError } from '@liaison/domain';
import { type Response } from 'express';
import { type AuthenticatedRequest, Roles } from '../auth/auth.guard';
import { WRITER_ROLES } from '../auth/roles';
import { BatchCommandError } from '../commands/command-pipeline';
import { ExecuteDomainBatch } from '../cqrs/execute-domain-batch';
import { ExecuteDomainCommand } from '../cqrs/execute-domain-command';
import { etagOf, parseIfMatch } from './etag';

/** More would be an import: a file, with its report (`POST /api/imports/:format`). */
export const MAX_BATCH_COMMANDS = 50;

const typeOf = (raw: unknown) =>
  raw !== null && typeof raw === 'object' && typeof (raw as { type?: unknown }).type === 'string'
    ? (raw as { type: string }).type
    : undefined;

function commandsOf(body: unknown): unknown[] {
  const commands = body !== null && typeof body === 'object' ? (body as { commands?: unknown }).commands : undefined;
  if (!Array.isArray(commands) || commands.length === 0 || commands.length > MAX_BATCH_COMMANDS) {
    throw new InvalidValueError(`corps invalide : { "commands": [ … ] } avec 1 à ${MAX_BATCH_COMMANDS} commandes est attendu`);
  }
  return commands;
}

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

  /**
   * Commands that stand or fall together, in order, in one transaction: the first refusal
   * writes nothing and is reported with the command's rank and type. `If-Match` (the ETag of
   * the resource the user edited) is checked once, before the first command; the answer's ETag
   * is the last command's stream.
   */
  @Post('batch')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  async executeBatch(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const commands = commandsOf(body);
    const context = { actor: request.user.login, source: 'http', ...parseIfMatch(ifMatch) };
    try {
      const results = await this.commandBus.execute(new ExecuteDomainBatch(commands, context));
      const last = results.at(-1)!;
      response.setHeader('ETag', etagOf([{ streamId: last.streamId, version: last.version }]));
      return {
        results: results.map((r) => ({
          type: r.type,
          streamId: r.streamId,
          version: r.version,
          positions: r.positions,
          warnings: r.warnings,
        })),
      };
    } catch (error) {
      if (!(error instanceof BatchCommandError)) throw error;
      const cause = error.cause;
      if (!(cause instanceof DomainError)) throw cause;
      const type = typeOf(commands[error.index]);
      // A payload's own check already starts with the command's type: it is said once.
      const reason = type && cause.message.startsWith(`${type} : `) ? cause.message.slice(type.length + 3) : cause.message;
      throw new DomainError(cause.code, `commande ${error.index + 1}${type ? ` (${type})` : ''} : ${reason}`, cause.kind, {
        ...cause.details,
        index: error.index,
      });
    }
  }
}
