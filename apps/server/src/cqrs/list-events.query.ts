import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type ReadAllOptions } from '../event-store/event-store';
import { type EventWithChanges } from '../history/history-service';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';

export interface EventPage {
  /** Each event with the values it changed, before → after. */
  events: EventWithChanges[];
  /** Pass as `after` to get the next page; absent on the last page. */
  next?: number;
  head: number;
}

export class ListEventsQuery extends Query<EventPage> {
  constructor(readonly options: ReadAllOptions & { limit: number }) {
    super();
  }
}

@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery> {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  async execute({ options }: ListEventsQuery): Promise<EventPage> {
    const head = this.kernel.store.headPosition();
    const events = this.kernel.store.readAll({ ...options, limit: options.limit + 1 });
    const page = events.slice(0, options.limit);
    const last = page.at(-1);
    const described = this.kernel.history.withChanges(page);
    return events.length > options.limit && last
      ? { events: described, next: last.globalPosition, head }
      : { events: described, head };
  }
}
