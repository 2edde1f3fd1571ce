/**
 * The admin UI's read-model types (apps/admin-ui/src/api/types.ts) checked against the server's
 * own DTO types, at type level: `pnpm typecheck` fails when the server stops sending a field the
 * UI reads, or sends it with another type. Each check says « what the server answers can be
 * read as what the UI expects » (the UI may ignore fields it does not show). The server side is
 * read from the built declarations (turbo builds the server before this package's typecheck).
 * No runtime code: this file is only type-checked.
 */
import type * as Ui from '../../apps/admin-ui/src/api/types';
import type { ClassDto } from '../../apps/server/dist/read-models/queries/class.queries';
import type {
  EstablishmentDto,
  NomenclatureEntryDto,
  YearDto,
} from '../../apps/server/dist/read-models/queries/establishment.queries';
import type { GuardianDto } from '../../apps/server/dist/read-models/queries/guardian.queries';
import type { PupilDto, PupilOfYearDto } from '../../apps/server/dist/read-models/queries/pupil.queries';
import type { EventPage } from '../../apps/server/dist/cqrs/list-events.query';
import type { ActivityPageDto } from '../../apps/server/dist/cqrs/stream-activity.query';
import type { EventWithChanges } from '../../apps/server/dist/history/history-service';
import type { ImportReport } from '../../apps/server/dist/exchanges/import-report';
import type { ExportChanges, ExportDiff, ExportManifest, ExportPreview } from '../../apps/server/dist/exchanges/export-service';
import type { RolloverResult } from '../../apps/server/dist/rollover/rollover-service';
import type { ReportResult } from '../../apps/server/dist/exchanges/report-service';
import type { describePlugin } from '../../apps/server/dist/plugins/plugin-description';
import type { Checklist, ControlReport } from '../../packages/domain/dist';
import type { Effectifs } from '../../plugins/second-degree-siecle/dist';

/** Compiles only when `Server` can be read as `UiView`. */
type Readable<Server, UiView> = [Server] extends [UiView]
  ? true
  : { error: 'the server DTO no longer fits the UI type'; server: Server };
type AllHold<T extends true[]> = T;

export type UiApiContract = AllHold<
  [
    Readable<EstablishmentDto, Ui.EstablishmentDto>,
    Readable<YearDto, Ui.YearDto>,
    Readable<NomenclatureEntryDto, Ui.NomenclatureEntryDto>,
    Readable<ClassDto, Ui.ClassDto>,
    Readable<PupilOfYearDto, Ui.PupilOfYearDto>,
    Readable<PupilDto, Ui.PupilDto>,
    Readable<GuardianDto, Ui.GuardianDto>,
    Readable<EventWithChanges, Ui.EventDto>,
    Readable<EventPage, Ui.EventPageDto>,
    Readable<ActivityPageDto, Ui.ActivityPageDto>,
    Readable<ControlReport, Ui.ControlReportDto>,
    Readable<ImportReport, Ui.ImportReportDto>,
    Readable<ExportManifest, Ui.ExportManifestDto>,
    Readable<ExportChanges, Ui.ExportChangesDto>,
    Readable<ExportPreview, Ui.ExportPreviewDto>,
    Readable<ExportDiff, Ui.ExportDiffDto>,
    Readable<RolloverResult, Ui.RolloverResultDto>,
    Readable<Checklist, Ui.ChecklistDto>,
    Readable<ReturnType<typeof describePlugin>, Ui.PluginDto>,
    Readable<ReportResult & { data: Effectifs }, Ui.ReportResultDto<Ui.EffectifsDto>>,
  ]
>;
