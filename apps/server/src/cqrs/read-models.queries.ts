import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type Kernel } from '../kernel/kernel';
import { KERNEL } from '../nest/tokens';

export interface EstablishmentRow {
  uai: string;
  name: string;
  degree: string;
  contract: string;
  registeredAt: string;
}

export interface YearRow {
  uai: string;
  year: number;
  openedAt: string;
  openedBy: string;
}

export class ListEstablishmentsQuery extends Query<EstablishmentRow[]> {}

@QueryHandler(ListEstablishmentsQuery)
export class ListEstablishmentsHandler implements IQueryHandler<ListEstablishmentsQuery> {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  async execute(): Promise<EstablishmentRow[]> {
    return this.kernel.db.reader.all<EstablishmentRow>(
      `SELECT uai, name, degree, contract, registered_at AS registeredAt FROM core_establishments ORDER BY uai`,
    );
  }
}

export class ListYearsQuery extends Query<YearRow[]> {
  constructor(readonly uai: string) {
    super();
  }
}

@QueryHandler(ListYearsQuery)
export class ListYearsHandler implements IQueryHandler<ListYearsQuery> {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  async execute({ uai }: ListYearsQuery): Promise<YearRow[]> {
    return this.kernel.db.reader.all<YearRow>(
      `SELECT uai, year, opened_at AS openedAt, opened_by AS openedBy FROM core_years WHERE uai = ? ORDER BY year`,
      [uai],
    );
  }
}
