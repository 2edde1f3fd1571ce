import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { type ActivityFilters, listActivity, type StreamActivityDto } from '../read-models/queries/activity.queries';

/**
 * The activity index is an asynchronous projection: the answer says up to which log position
 * it is built, and how far behind the head it is, so a screen can say « mis à jour il y a … ».
 */
export interface ActivityPageDto {
  position: number;
  behind: number;
  streams: StreamActivityDto[];
}

export class ListActivityQuery extends Query<ActivityPageDto> {
  constructor(
    readonly uai: string,
    readonly filters: ActivityFilters,
  ) {
    super();
  }
}

@QueryHandler(ListActivityQuery)
export class ListActivityHandler implements IQueryHandler<ListActivityQuery> {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  async execute(q: ListActivityQuery): Promise<ActivityPageDto> {
    const status = this.kernel.projections.status().find((p) => p.name === 'core_stream_activity');
    return {
      position: status?.position ?? 0,
      behind: status?.behind ?? this.kernel.store.headPosition(),
      streams: listActivity(this.kernel.db.reader, q.uai, q.filters),
    };
  }
}
