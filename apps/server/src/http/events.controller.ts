import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { InvalidValueError } from '@liaison/domain';
import { ListEventsQuery } from '../cqrs/list-events.query';

import { positiveInt } from './query-params';

const MAX_PAGE = 1000;

@Controller('api/events')
export class EventsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The log, paged by global position (`after` = the previous page's `next`). */
  @Get()
  list(
    @Query('after') after?: string,
    @Query('asOf') asOf?: string,
    @Query('limit') limit?: string,
    @Query('stream') stream?: string,
    @Query('uai') uai?: string,
    @Query('type') type?: string | string[],
    @Query('actor') actor?: string,
    @Query('order') order?: string,
  ) {
    const pageSize = Math.min(positiveInt('limit', limit) ?? 100, MAX_PAGE);
    if (order !== undefined && order !== 'asc' && order !== 'desc') {
      throw new InvalidValueError(`paramètre order « ${order} » invalide : asc ou desc`);
    }
    const types = type === undefined ? undefined : (Array.isArray(type) ? type : type.split(',')).filter(Boolean);
    return this.queryBus.execute(
      new ListEventsQuery({
        after: positiveInt('after', after),
        upTo: positiveInt('asOf', asOf),
        limit: pageSize,
        streamId: stream || undefined,
        uai: uai || undefined,
        types,
        actor: actor || undefined,
        descending: order === 'desc',
      }),
    );
  }
}
