import { NestFactory } from '@nestjs/core';
import { type Command } from 'commander';
import { LiaisonModule } from '../../nest/liaison.module';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { positiveInteger } from '../parse-int';

interface ServeOptions extends CommonOptions {
  port: number;
  host: string;
}

export function registerServeCommand(program: Command): void {
  withCommonOptions(
    program
      .command('serve')
      .description('API HTTP et interface d’administration')
      .option('--port <port>', 'port HTTP', positiveInteger('--port'), Number(process.env.PORT ?? 3000))
      .option('--host <host>', 'adresse d’écoute', process.env.LIAISON_HOST ?? '127.0.0.1'),
  ).action(async (options: ServeOptions) => {
    const dbPath = resolveDbPath(options);
    // The HTTP stack (express, Swagger UI) is loaded only by `serve`: the other commands start faster.
    const { adminUiDir, configureApp } = await import('../../http/configure-app.js');
    const app = await NestFactory.create(LiaisonModule.forRoot({ kernel: () => ({ dbPath }), pollProjections: true }), {
      logger: ['error', 'warn'],
    });
    configureApp(app);
    app.enableShutdownHooks();
    await app.listen(options.port, options.host);
    const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}`;
    const ui = adminUiDir();
    if (options.json) process.stdout.write(`${JSON.stringify({ url, db: dbPath, ui: ui ? `${url}/` : null })}\n`);
    else
      process.stdout.write(
        `Liaison écoute sur ${url} (base ${dbPath}) — ${ui ? `interface ${url}/, ` : 'interface non construite (pnpm build), '}API ${url}/api, documentation ${url}/api/docs\n`,
      );
  });
}
