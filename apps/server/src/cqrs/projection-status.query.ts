import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';

export type ProjectionStatusRow = ReturnType<Kernel['projections']['status']>[number];

export class ProjectionStatusQuery extends Query<ProjectionStatusRow[]> {}

@QueryHandler(ProjectionStatusQuery)
export class ProjectionStatusHandler implements IQueryHandler<ProjectionStatusQuery> {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  async execute(): Promise<ProjectionStatusRow[]> {
    return this.kernel.projections.status();
  }
}
