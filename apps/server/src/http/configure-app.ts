import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';
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
  serveAdminUi(express);
}

/**
 * The built admin UI (`apps/admin-ui/dist`, or `LIAISON_ADMIN_UI_DIR`), when it exists: its files
 * at `/`, and `index.html` for any other GET outside `/api` so the browser's routes reload.
 * The server never depends on the UI to build; without a build it answers the API only.
 */
export function adminUiDir(): string | undefined {
  const dir = process.env.LIAISON_ADMIN_UI_DIR ?? resolve(__dirname, '../../../admin-ui/dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

function serveAdminUi(express: NestExpressApplication): void {
  const dir = adminUiDir();
  if (!dir) return;
  const index = join(dir, 'index.html');
  express.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, path) => {
      // Vite names the bundles after their hash: they never change under the same name.
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  express.use((req: Request, res: Response, next: NextFunction) => {
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') && !/^\/api(\/|$)/.test(req.path) && !/\.[a-z0-9]+$/i.test(req.path);
    if (!isPage) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
