import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/auth.guard';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';

@Controller('api/health')
export class HealthController {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  @Get()
  @Public()
  health() {
    const projections = this.kernel.projections.status();
    return {
      status: projections.some((p) => p.status === 'failed') ? 'degraded' : 'ok',
      head: this.kernel.store.headPosition(),
      projections: projections.map((p) => ({ name: p.name, status: p.status, behind: p.behind })),
    };
  }
}
