import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthGuard } from '../auth/auth.guard';
import { UsersService } from '../auth/users.service';
import { ExecuteDomainBatchHandler } from '../cqrs/execute-domain-batch';
import { ExecuteDomainCommandHandler } from '../cqrs/execute-domain-command';
import { ListActivityHandler } from '../cqrs/stream-activity.query';
import { ListEventsHandler } from '../cqrs/list-events.query';
import { ProjectionStatusHandler } from '../cqrs/projection-status.query';
import { readModelQueryHandlers } from '../cqrs/read-model.queries';
import { AuthController } from '../http/auth.controller';
import { CommandsController } from '../http/commands.controller';
import { EventsController } from '../http/events.controller';
import { ChannelsController } from '../http/channels.controller';
import { ExchangesController } from '../http/exchanges.controller';
import { HealthController } from '../http/health.controller';
import { EstablishmentsController } from '../http/establishments.controller';
import { ReportsController } from '../http/reports.controller';
import { YearsController } from '../http/years.controller';
import { Kernel, type KernelOptions } from '../kernel/kernel';
import { ProjectionPoller } from './projection-poller';
import { KERNEL } from './tokens';

export interface LiaisonModuleOptions {
  /** Read when the module is built (not at import time), so tests can point it at a temp file. */
  kernel: () => KernelOptions;
  /** `serve` polls the log for async projections; one-shot CLI commands catch up instead. */
  pollProjections?: boolean;
}

/** Every HTTP controller; the OpenAPI test checks each route they serve is documented. */
export const CONTROLLERS = [
  HealthController,
  AuthController,
  CommandsController,
  EventsController,
  EstablishmentsController,
  ExchangesController,
  ChannelsController,
  ReportsController,
  YearsController,
] as const;

@Module({})
export class LiaisonModule implements OnApplicationShutdown {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  static forRoot(options: LiaisonModuleOptions): DynamicModule {
    return {
      module: LiaisonModule,
      imports: [CqrsModule.forRoot()],
      controllers: [...CONTROLLERS],
      providers: [
        { provide: KERNEL, useFactory: () => Kernel.open(options.kernel()) },
        UsersService,
        { provide: APP_GUARD, useClass: AuthGuard },
        ExecuteDomainCommandHandler,
        ExecuteDomainBatchHandler,
        ListEventsHandler,
        ProjectionStatusHandler,
        ListActivityHandler,
        ...readModelQueryHandlers,
        ...(options.pollProjections ? [ProjectionPoller] : []),
      ],
      exports: [KERNEL, UsersService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.kernel.close();
  }
}
