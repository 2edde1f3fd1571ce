import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';
import { type ClassDto, findClass, listClasses } from '../read-models/queries/class.queries';
import {
  type EstablishmentDto,
  listEstablishments,
  listNomenclature,
  listYears,
  type NomenclatureEntryDto,
  type YearDto,
} from '../read-models/queries/establishment.queries';
import { findGuardian, type GuardianDto } from '../read-models/queries/guardian.queries';
import {
  findPupil,
  listPupilsOfYear,
  type PupilDto,
  type PupilFilters,
  type PupilOfYearDto,
} from '../read-models/queries/pupil.queries';
import { readModelConnection } from '../read-models/read-model-connection';

/** Every read query may ask for the state as of a past global position. */
abstract class AsOfQuery<T> extends Query<T> {
  constructor(readonly asOf?: number) {
    super();
  }
}

export class ListEstablishmentsQuery extends AsOfQuery<EstablishmentDto[]> {}

export class ListYearsQuery extends AsOfQuery<YearDto[]> {
  constructor(
    readonly uai: string,
    asOf?: number,
  ) {
    super(asOf);
  }
}

export class ListNomenclatureQuery extends AsOfQuery<NomenclatureEntryDto[]> {
  constructor(
    readonly uai: string,
    readonly year: number,
    asOf?: number,
  ) {
    super(asOf);
  }
}

export class ListClassesQuery extends AsOfQuery<ClassDto[]> {
  constructor(
    readonly uai: string,
    readonly year: number,
    asOf?: number,
  ) {
    super(asOf);
  }
}

export class GetClassQuery extends AsOfQuery<ClassDto | undefined> {
  constructor(
    readonly uai: string,
    readonly year: number,
    readonly classCode: string,
    asOf?: number,
  ) {
    super(asOf);
  }
}

export class ListPupilsQuery extends AsOfQuery<PupilOfYearDto[]> {
  constructor(
    readonly uai: string,
    readonly year: number,
    readonly filters: PupilFilters,
    asOf?: number,
  ) {
    super(asOf);
  }
}

export class GetPupilQuery extends AsOfQuery<PupilDto | undefined> {
  constructor(
    readonly uai: string,
    readonly pupilId: string,
    asOf?: number,
  ) {
    super(asOf);
  }
}

export class GetGuardianQuery extends AsOfQuery<GuardianDto | undefined> {
  constructor(
    readonly uai: string,
    readonly guardianId: string,
    asOf?: number,
  ) {
    super(asOf);
  }
}

abstract class ReadModelHandler {
  constructor(@Inject(KERNEL) protected readonly kernel: Kernel) {}

  protected connection(uai: string | undefined, asOf: number | undefined) {
    return readModelConnection(this.kernel, uai, asOf);
  }
}

@QueryHandler(ListEstablishmentsQuery)
export class ListEstablishmentsHandler extends ReadModelHandler implements IQueryHandler<ListEstablishmentsQuery> {
  async execute(q: ListEstablishmentsQuery) {
    return listEstablishments(await this.connection(undefined, q.asOf));
  }
}

@QueryHandler(ListYearsQuery)
export class ListYearsHandler extends ReadModelHandler implements IQueryHandler<ListYearsQuery> {
  async execute(q: ListYearsQuery) {
    return listYears(await this.connection(q.uai, q.asOf), q.uai);
  }
}

@QueryHandler(ListNomenclatureQuery)
export class ListNomenclatureHandler extends ReadModelHandler implements IQueryHandler<ListNomenclatureQuery> {
  async execute(q: ListNomenclatureQuery) {
    return listNomenclature(await this.connection(q.uai, q.asOf), q.uai, q.year);
  }
}

@QueryHandler(ListClassesQuery)
export class ListClassesHandler extends ReadModelHandler implements IQueryHandler<ListClassesQuery> {
  async execute(q: ListClassesQuery) {
    return listClasses(await this.connection(q.uai, q.asOf), q.uai, q.year);
  }
}

@QueryHandler(GetClassQuery)
export class GetClassHandler extends ReadModelHandler implements IQueryHandler<GetClassQuery> {
  async execute(q: GetClassQuery) {
    return findClass(await this.connection(q.uai, q.asOf), q.uai, q.year, q.classCode);
  }
}

@QueryHandler(ListPupilsQuery)
export class ListPupilsHandler extends ReadModelHandler implements IQueryHandler<ListPupilsQuery> {
  async execute(q: ListPupilsQuery) {
    return listPupilsOfYear(await this.connection(q.uai, q.asOf), q.uai, q.year, q.filters);
  }
}

@QueryHandler(GetPupilQuery)
export class GetPupilHandler extends ReadModelHandler implements IQueryHandler<GetPupilQuery> {
  async execute(q: GetPupilQuery) {
    return findPupil(await this.connection(q.uai, q.asOf), q.uai, q.pupilId);
  }
}

@QueryHandler(GetGuardianQuery)
export class GetGuardianHandler extends ReadModelHandler implements IQueryHandler<GetGuardianQuery> {
  async execute(q: GetGuardianQuery) {
    return findGuardian(await this.connection(q.uai, q.asOf), q.uai, q.guardianId);
  }
}

export const readModelQueryHandlers = [
  ListEstablishmentsHandler,
  ListYearsHandler,
  ListNomenclatureHandler,
  ListClassesHandler,
  GetClassHandler,
  ListPupilsHandler,
  GetPupilHandler,
  GetGuardianHandler,
];
