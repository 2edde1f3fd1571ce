import { type INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type Request, type Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { ErrorFilter } from './error-filter';
import { buildOpenApiDocument } from './openapi';

/** Shared by `serve` and the e2e tests, so both run the very same HTTP stack. */
export function configureApp(app: INestApplication): void {
  const kernel = app.get<Kernel>(KERNEL);
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '5mb' });
  // ETags are the streams' versions, set by the controllers; express's own hash would hide them.
  express.set('etag', false);
  app.useGlobalFilters(new ErrorFilter());
  const document = buildOpenApiDocument(kernel.commands, '0.1.0');
  express.use('/api/docs/openapi.json', (_req: Request, res: Response) => {
    res.json(document);
  });
  express.use('/api/docs', swaggerUi.serve, swaggerUi.setup(document));
}
