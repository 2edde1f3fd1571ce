import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Kernel } from '../kernel/kernel';
import { LiaisonModule } from '../nest/liaison.module';
import { KERNEL } from '../nest/tokens';

/** Boots the same Nest module as `serve`, without HTTP, for one CLI command. */
export async function withAppContext<T>(
  dbPath: string,
  work: (app: INestApplicationContext, kernel: Kernel) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(LiaisonModule.forRoot({ kernel: () => ({ dbPath }) }), {
    logger: false,
    abortOnError: false,
  });
  try {
    return await work(app, app.get<Kernel>(KERNEL));
  } finally {
    await app.close();
  }
}
