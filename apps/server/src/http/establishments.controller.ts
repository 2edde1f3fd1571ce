import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { InvalidValueError, schoolYearLabel, streamIds } from '@liaison/domain';
import { type Response } from 'express';
import {
  GetClassQuery,
  GetGuardianQuery,
  GetPupilQuery,
  ListClassesQuery,
  ListEstablishmentsQuery,
  ListNomenclatureQuery,
  ListPupilsQuery,
  ListYearsQuery,
} from '../cqrs/read-model.queries';
import { ListEventsQuery } from '../cqrs/list-events.query';
import { ListActivityQuery } from '../cqrs/stream-activity.query';
import { etagOf } from './etag';
import { positiveInt, uaiParam, yearParam } from './query-params';

/**
 * The read models, each with `?asOf=<global position>` for time travel. Single resources carry
 * the versions of their streams as ETag (only for the present: a past state cannot be edited).
 */
const ACTIVITY_PAGE = 20;
const ACTIVITY_MAX = 200;

@Controller('api/establishments')
export class EstablishmentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  establishments(@Query('asOf') asOf?: string) {
    return this.queryBus.execute(new ListEstablishmentsQuery(positiveInt('asOf', asOf)));
  }

  @Get(':uai/years')
  years(@Param('uai') uai: string, @Query('asOf') asOf?: string) {
    return this.queryBus.execute(new ListYearsQuery(uaiParam(uai), positiveInt('asOf', asOf)));
  }

  @Get(':uai/years/:year/nomenclature')
  nomenclature(@Param('uai') uai: string, @Param('year') year: string, @Query('asOf') asOf?: string) {
    return this.queryBus.execute(new ListNomenclatureQuery(uaiParam(uai), yearParam(year), positiveInt('asOf', asOf)));
  }

  @Get(':uai/years/:year/classes')
  classes(@Param('uai') uai: string, @Param('year') year: string, @Query('asOf') asOf?: string) {
    return this.queryBus.execute(new ListClassesQuery(uaiParam(uai), yearParam(year), positiveInt('asOf', asOf)));
  }

  @Get(':uai/years/:year/classes/:classCode')
  async class(
    @Param('uai') uai: string,
    @Param('year') year: string,
    @Param('classCode') classCode: string,
    @Res({ passthrough: true }) response: Response,
    @Query('asOf') asOf?: string,
  ) {
    const at = positiveInt('asOf', asOf);
    const y = yearParam(year);
    const found = await this.queryBus.execute(new GetClassQuery(uaiParam(uai), y, classCode, at));
    if (!found) throw new NotFoundException(`la classe ${classCode} n’existe pas en ${schoolYearLabel(y)}`);
    if (at === undefined)
      response.setHeader('ETag', etagOf([{ streamId: streamIds.class(uai, y, classCode), version: found.version }]));
    return found;
  }

  @Get(':uai/years/:year/pupils')
  pupils(
    @Param('uai') uai: string,
    @Param('year') year: string,
    @Query('asOf') asOf?: string,
    @Query('status') status?: string,
    @Query('classCode') classCode?: string,
    @Query('formationCode') formationCode?: string,
    @Query('q') q?: string,
  ) {
    return this.queryBus.execute(
      new ListPupilsQuery(uaiParam(uai), yearParam(year), { status, classCode, formationCode, q }, positiveInt('asOf', asOf)),
    );
  }

  @Get(':uai/pupils/:pupilId')
  async pupil(
    @Param('uai') uai: string,
    @Param('pupilId') pupilId: string,
    @Res({ passthrough: true }) response: Response,
    @Query('asOf') asOf?: string,
  ) {
    const at = positiveInt('asOf', asOf);
    const found = await this.queryBus.execute(new GetPupilQuery(uaiParam(uai), pupilId, at));
    if (!found) throw new NotFoundException(`l’élève ${pupilId} n’existe pas`);
    if (at === undefined) {
      response.setHeader(
        'ETag',
        etagOf([
          { streamId: streamIds.pupil(uai, pupilId), version: found.version },
          ...found.guardians
            .filter((g) => g.version !== null)
            .map((g) => ({ streamId: streamIds.guardian(uai, g.guardianId), version: g.version! })),
        ]),
      );
    }
    return found;
  }

  /** Every change of a pupil and of the guardians it has now, with before → after values. */
  @Get(':uai/pupils/:pupilId/history')
  async pupilHistory(@Param('uai') uai: string, @Param('pupilId') pupilId: string, @Query('asOf') asOf?: string) {
    const found = await this.queryBus.execute(new GetPupilQuery(uaiParam(uai), pupilId));
    if (!found) throw new NotFoundException(`l’élève ${pupilId} n’existe pas`);
    const streamIdsOf = [streamIds.pupil(uai, pupilId), ...found.guardians.map((g) => streamIds.guardian(uai, g.guardianId))];
    return this.queryBus.execute(new ListEventsQuery({ streamIds: streamIdsOf, upTo: positiveInt('asOf', asOf), limit: 1000 }));
  }

  /**
   * The establishment's records, most recently changed first, with who changed them last and
   * how many events they hold: the audit index (`core_stream_activity`, asynchronous — the
   * answer says up to which position it is built). `kind` narrows to pupils, classes…
   */
  @Get(':uai/activity')
  activity(
    @Param('uai') uai: string,
    @Query('kind') kind?: string,
    @Query('actor') actor?: string,
    @Query('limit') limit?: string,
  ) {
    if (kind !== undefined && !/^[a-z]+$/.test(kind)) {
      throw new InvalidValueError(`paramètre kind « ${kind} » invalide : un type de flux est attendu (pupil, class, guardian…)`);
    }
    const n = positiveInt('limit', limit) ?? ACTIVITY_PAGE;
    if (n < 1 || n > ACTIVITY_MAX) throw new InvalidValueError(`paramètre limit « ${limit} » invalide : de 1 à ${ACTIVITY_MAX}`);
    return this.queryBus.execute(new ListActivityQuery(uaiParam(uai), { kind, actor: actor || undefined, limit: n }));
  }

  @Get(':uai/guardians/:guardianId')
  async guardian(
    @Param('uai') uai: string,
    @Param('guardianId') guardianId: string,
    @Res({ passthrough: true }) response: Response,
    @Query('asOf') asOf?: string,
  ) {
    const at = positiveInt('asOf', asOf);
    const found = await this.queryBus.execute(new GetGuardianQuery(uaiParam(uai), guardianId, at));
    if (!found) throw new NotFoundException(`le responsable ${guardianId} n’existe pas`);
    if (at === undefined)
      response.setHeader('ETag', etagOf([{ streamId: streamIds.guardian(uai, guardianId), version: found.version }]));
    return found;
  }
}
