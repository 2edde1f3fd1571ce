import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { checkUai, InvalidValueError } from '@liaison/domain';
import { ListEstablishmentsQuery, ListYearsQuery } from '../cqrs/read-models.queries';

@Controller('api/establishments')
export class ReadModelsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  establishments() {
    return this.queryBus.execute(new ListEstablishmentsQuery());
  }

  @Get(':uai/years')
  years(@Param('uai') uai: string) {
    const reason = checkUai(uai);
    if (reason) throw new InvalidValueError(reason);
    return this.queryBus.execute(new ListYearsQuery(uai));
  }
}
