import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from './tokens';

const POLL_MS = 250;

/**
 * Keeps async projections at the head of the log, including events other processes (the CLI)
 * appended: the runner polls by global position instead of listening to an in-memory bus.
 */
@Injectable()
export class ProjectionPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.kernel.projections
        .catchUp()
        .catch((error: unknown) => console.error('projection catch-up failed', error))
        .finally(() => (this.running = undefined));
    }, POLL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
