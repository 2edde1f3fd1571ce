import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type LiaisonPlugin } from '@liaison/domain';
import { UsersService } from '../auth/users.service';
import { configureApp } from '../http/configure-app';
import { type Kernel } from '../kernel/kernel';
import { LiaisonModule } from '../nest/liaison.module';
import { KERNEL } from '../nest/tokens';

export interface TestApp {
  app: INestApplication;
  kernel: Kernel;
  dir: string;
  dbPath: string;
  /** A bearer token for a user of that role (created on first use). */
  token(role?: 'admin' | 'direction' | 'secretariat' | 'lecture'): Promise<string>;
  close(): Promise<void>;
}

/** The real HTTP stack over a real SQLite file in a fresh temporary folder. */
export async function createTestApp(options: { plugins?: LiaisonPlugin[]; dbPath?: string } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'));
  const dbPath = options.dbPath ?? join(dir, 'liaison.sqlite');
  const moduleRef = await Test.createTestingModule({
    imports: [LiaisonModule.forRoot({ kernel: () => ({ dbPath, plugins: options.plugins ?? [] }) })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApp(app);
  await app.init();
  const tokens = new Map<string, string>();
  return {
    app,
    kernel: app.get<Kernel>(KERNEL),
    dir,
    dbPath,
    async token(role = 'secretariat') {
      let token = tokens.get(role);
      if (!token) {
        const login = `${role}-test`;
        await app.get(UsersService).add(login, role, 'motdepasse');
        const res = await request(app.getHttpServer())
          .post('/api/auth/login')
          .send({ login, password: 'motdepasse' })
          .expect(200);
        token = res.body.token as string;
        tokens.set(role, token);
      }
      return token;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
