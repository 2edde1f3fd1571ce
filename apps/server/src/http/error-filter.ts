import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { DomainError } from '@liaison/domain';
import { type Response } from 'express';
import { ConcurrencyError } from '../event-store/errors';

interface ErrorBody {
  error: string;
  code?: string;
  message: string;
  details?: unknown;
}

/** Maps domain failures to the statuses PRODUCT.md fixes: 400 invalid, 409 rule, 412 stale. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (status >= 500) console.error(exception);
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, ErrorBody] {
    if (exception instanceof DomainError) {
      const status = exception.kind === 'invalid' ? 400 : 409;
      return [status, { error: exception.kind, code: exception.code, message: exception.message, details: exception.details }];
    }
    if (exception instanceof ConcurrencyError) {
      return [
        412,
        {
          error: 'stale',
          code: 'stale_version',
          message: `modification concurrente : ${exception.streamId} est à la version ${exception.actual}, pas ${String(exception.expected)} ; rechargez puis recommencez`,
          details: { streamId: exception.streamId, actual: exception.actual },
        },
      ];
    }
    if (exception instanceof HttpException) {
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : ((res as { message?: string }).message ?? exception.message);
      return [exception.getStatus(), { error: 'http', message: String(message) }];
    }
    return [500, { error: 'internal', message: 'erreur interne du serveur' }];
  }
}
