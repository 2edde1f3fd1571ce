/**
 * The read models as the server returns them. The server's OpenAPI document types only the
 * commands (generated from their zod schemas, see `commands.ts`); these mirror the server's DTOs
 * (`apps/server/src/read-models/queries/*.ts`, the history and exchange services) and are
 * checked against them at type level by `test/ui/api-contract.ts`, so a change on either side
 * fails `pnpm typecheck`. Pure types: no DOM, no runtime code.
 */

export type Degree = 'first' | 'second';
export type Role = 'admin' | 'direction' | 'secretariat' | 'lecture';

export interface SessionDto {
  token: string;
  user: { login: string; role: Role };
  expiresAt: string;
}

export interface EstablishmentDto {
  uai: string;
  name: string;
  degree: Degree;
  contract: string;
  exchangeMode: string;
  registeredAt: string;
  version: number;
}

export interface YearDto {
  uai: string;
  year: number;
  label: string;
  openedAt: string;
  version: number;
}

export interface NomenclatureEntryDto {
  kind: 'formation' | 'language' | 'classType';
  code: string;
  label: string;
  cycle: string | null;
  attributes: Record<string, string> | null;
}

export interface ClassDto {
  uai: string;
  year: number;
  classCode: string;
  label: string;
  rectoratCode: string | null;
  contractType: string | null;
  classType: string | null;
  formations: string[];
  closedOn: string | null;
  headCount: number;
  version: number;
}

export type PupilStatus = 'preinscrit' | 'inscrit' | 'sorti';

export interface PupilGuardianDto {
  guardianId: string;
  civility: string | null;
  lastName: string | null;
  firstName: string | null;
  link: string;
  legalLevel: number;
  parentalAuthority: boolean;
  livesWith: boolean | null;
}

export interface PupilOfYearDto {
  pupilId: string;
  lastName: string;
  firstName: string;
  usageName: string | null;
  sex: string;
  birthDate: string;
  ine: string | null;
  siecleId: string | null;
  year: number;
  status: PupilStatus;
  classCode: string | null;
  formationCode: string | null;
  entryDate: string | null;
  exitDate: string | null;
  exitMotive: string | null;
  lv1: string | null;
  lv2: string | null;
  dispositifs: string[];
  schooling: Record<string, unknown>;
  plan: Record<string, unknown> | null;
  guardians: PupilGuardianDto[];
}

export type PupilYearDto = Omit<
  PupilOfYearDto,
  'pupilId' | 'lastName' | 'firstName' | 'usageName' | 'sex' | 'birthDate' | 'ine' | 'siecleId' | 'guardians'
>;

export interface PupilDto {
  uai: string;
  pupilId: string;
  identity: Record<string, unknown>;
  ine: string | null;
  siecleId: string | null;
  version: number;
  years: PupilYearDto[];
  guardians: Array<PupilGuardianDto & { version: number | null }>;
}

export interface GuardianDto {
  uai: string;
  guardianId: string;
  person: Record<string, unknown>;
  siecleId: string | null;
  version: number;
  children: Array<{
    pupilId: string;
    lastName: string;
    firstName: string;
    link: string;
    legalLevel: number;
    parentalAuthority: boolean;
    livesWith?: boolean | null;
  }>;
}

export interface FieldChangeDto {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EventDto {
  eventId: string;
  streamId: string;
  streamPosition: number;
  globalPosition: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: {
    actor: string;
    source: string;
    correlationId?: string;
    causationId?: string;
    occurredAt: string;
  };
  recordedAt: string;
  changes: FieldChangeDto[];
}

/** A record (stream) of the activity index: who changed it last, and how often. */
export interface StreamActivityDto {
  streamId: string;
  kind: string;
  id: string;
  events: number;
  lastPosition: number;
  lastType: string;
  lastActor: string;
  lastRecordedAt: string;
}

/** `GET /api/establishments/:uai/activity`: an asynchronous index, built up to `position`. */
export interface ActivityPageDto {
  position: number;
  behind: number;
  streams: StreamActivityDto[];
}

export interface EventPageDto {
  events: EventDto[];
  next?: number;
  head: number;
}

export interface AnomalyDto {
  rule: string;
  severity: 'error' | 'warning';
  entity: { kind: 'establishment' | 'class' | 'pupil' | 'guardian'; id: string; label: string };
  field?: string;
  message: string;
}

export interface ControlReportDto {
  controlId: string;
  uai: string;
  year: number;
  asOf: number;
  anomalies: AnomalyDto[];
  excluded: Array<{ pupilId: string; label: string; reason: string }>;
  counts: { checked: number; compliant: number; nonCompliant: number; excluded: number };
}

export interface FormatDto {
  formatId: string;
  direction: 'import' | 'export';
  displayName: string;
  status: 'official' | 'adapter';
  /** Imports only: the plugin ships a default file (imported when none is given). */
  defaultFile?: boolean;
}

export interface PluginDto {
  id: string;
  degree: Degree;
  displayName: string;
  apiVersion: number;
  tablePrefix: string;
  formats: FormatDto[];
  controls: Array<{ id: string; displayName: string }>;
  /** Figures the plugin serves as JSON, with the query parameters each accepts. */
  reports: ReportDescriptorDto[];
}

export interface ReportDescriptorDto {
  id: string;
  displayName: string;
  parameters: Record<string, string>;
}

/** `GET …/reports/:id`: a plugin's figures, read at one position of the log. */
export interface ReportResultDto<TData = unknown> {
  reportId: string;
  displayName: string;
  uai: string;
  year: number;
  asOf: number;
  asOfTime: string;
  data: TData;
}

export interface HeadCountDto {
  total: number;
  boys: number;
  girls: number;
}

export interface MefHeadCountDto extends HeadCountDto {
  /** Empty for pupils whose MEF is not known. */
  mef: string;
  label?: string;
}

/** `siecle.effectifs`: the head-counts per MEF and per division at a date. */
export interface EffectifsDto {
  date: string;
  total: HeadCountDto;
  byMef: MefHeadCountDto[];
  byDivision: Array<HeadCountDto & { classCode: string; division: string; label: string; byMef: MefHeadCountDto[] }>;
  withoutMef: number;
  preEnrolled: number;
}

export interface ImportRowDto {
  ref: string;
  outcome: 'create' | 'update' | 'unchanged' | 'unmatched' | 'rejected';
  subject: string;
  message?: string;
}

export interface ImportReportDto {
  importId: string;
  formatId: string;
  uai: string;
  year: number;
  fileName: string;
  sha256: string;
  status: 'imported' | 'already-imported' | 'refused';
  skippedRejected: boolean;
  counts: Record<ImportRowDto['outcome'], number>;
  rows: ImportRowDto[];
  notes: string[];
  successMessage?: string;
  positions: number[];
}

export interface ExportManifestDto {
  exportId: string;
  formatId: string;
  uai: string;
  year: number;
  asOf: number;
  producedAt: string;
  files: Array<{ name: string; sha256: string; size: number }>;
  counts: Record<string, number>;
}

export interface ExportResultDto extends ExportManifestDto {
  warnings: AnomalyDto[];
}

export interface ExportChangesDto {
  manifest: ExportManifestDto;
  from: number;
  to: number;
  events: EventDto[];
  bySubject: ChangesBySubjectDto;
}

/** 409 of `POST /api/exports/:format` when errors remain. */
export interface ExportBlockedDto {
  error: 'blocked';
  code: 'blocked_by_anomalies';
  message: string;
  anomalies: AnomalyDto[];
}

export interface CommandResultDto {
  type: string;
  streamId: string;
  version: number;
  positions: number[];
  warnings: string[];
}

/** Error bodies of the API (`error-filter.ts`). */
export interface ApiErrorBody {
  error: 'invalid' | 'rule' | 'stale' | 'http' | 'internal' | string;
  code?: string;
  message: string;
  details?: unknown;
}

export interface HealthDto {
  status: 'ok' | 'degraded';
  head: number;
  projections: Array<{ name: string; status: string; behind: number }>;
}

// The checklist, the year rollover and the export preview (read models of the year's procedure).

export type ChecklistStatus = 'done' | 'open' | 'overdue' | 'not-applicable';

export interface ChecklistOccurrenceDto {
  doneOn: string;
  how: 'event' | 'tick';
  actor: string;
  source: string;
  position: number;
  recordedAt: string;
  eventType?: string;
  detail?: string;
  tick?: number;
}

export interface ChecklistEntryDto {
  stepId: string;
  plugin: string;
  number: string;
  order: number;
  title: string;
  reference?: string;
  window?: string;
  note?: string;
  dueDate?: string;
  repeatable: boolean;
  exchangeMode?: string;
  applicable: boolean;
  status: ChecklistStatus;
  doneOn?: string;
  occurrences: ChecklistOccurrenceDto[];
  completedBy?: string;
}

export interface ChecklistDto {
  uai: string;
  year: number;
  degree: 'first' | 'second';
  exchangeMode: string;
  asOf: number;
  today: string;
  steps: ChecklistEntryDto[];
  counts: Record<ChecklistStatus, number>;
}

export interface PlacementDto {
  status?: 'preinscrit' | 'inscrit' | 'sorti';
  classCode?: string;
  formationCode?: string;
}

export interface RolloverPupilDto {
  pupilId: string;
  name: string;
}

/** The domain's `RolloverPlan`: the diff of a rollover from Y to Y+1 (the dry run shows it). */
export interface RolloverPlanDto {
  uai: string;
  fromYear: number;
  toYear: number;
  degree?: 'first' | 'second';
  opensYear: boolean;
  nomenclatures: Array<'formations' | 'languages' | 'classTypes'>;
  classes: Array<{
    classCode: string;
    label: string;
    rectoratCode?: string;
    contractType?: string;
    classType?: string;
    formations: string[];
  }>;
  moves: Array<
    RolloverPupilDto & {
      decision: 'passage' | 'redoublement';
      from: PlacementDto;
      to: { status: 'preinscrit' | 'inscrit'; formationCode?: string; classCode?: string; entryDate?: string };
      copied: {
        lv1?: string;
        lv2?: string;
        dispositifs: string[];
        schooling: { regime?: string; statut?: string; transport?: boolean; doublement?: boolean };
      };
    }
  >;
  leavers: Array<
    RolloverPupilDto & { from: PlacementDto; exitDate: string; motive: string; alreadyExited: boolean; reason: 'plan' | 'exited' }
  >;
  withoutPlan: Array<RolloverPupilDto & { from: PlacementDto; reason: string }>;
  unusable: Array<RolloverPupilDto & { from: PlacementDto; reason: string }>;
  alreadyCarried: Array<RolloverPupilDto & { from?: PlacementDto; nextYear: PlacementDto; differs?: string }>;
  planChanged: Array<RolloverPupilDto & { from?: PlacementDto; nextYear: PlacementDto; differs?: string }>;
  newInNextYear: Array<RolloverPupilDto & { nextYear: PlacementDto }>;
  warnings: string[];
  blocked: boolean;
  commands: unknown[];
}

/** `POST …/rollover`: 200 (dry run or real). A blocked plan is a 409 `{error, code, message, plan}`. */
export interface RolloverResultDto {
  plan: RolloverPlanDto;
  applied: boolean;
  dryRun: boolean;
  rolloverId?: string;
  positions: number[];
  warnings: string[];
}

/** One change as the direction reviews it (server `changes-by-subject.ts`). */
export interface ChangeEntryDto {
  position: number;
  recordedAt: string;
  occurredAt: string;
  actor: string;
  source: string;
  type: string;
  streamId: string;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  guardianId?: string;
}

export interface ChangesBySubjectDto {
  pupils: Array<{ pupilId: string; name: string; classCode?: string; changes: ChangeEntryDto[] }>;
  classes: Array<{ classCode: string; label?: string; changes: ChangeEntryDto[]; pupils: string[] }>;
  establishment: ChangeEntryDto[];
}

export interface SnapshotDiffDto {
  uai: string;
  year: number;
  fromAsOf: number;
  toAsOf: number;
  pupils: {
    added: RolloverPupilDto[];
    removed: RolloverPupilDto[];
    changed: Array<RolloverPupilDto & { fields: Array<{ field: string; before: unknown; after: unknown }> }>;
  };
  classes: {
    added: string[];
    removed: string[];
    changed: Array<{ classCode: string; fields: Array<{ field: string; before: unknown; after: unknown }> }>;
  };
  establishment: Array<{ field: string; before: unknown; after: unknown }>;
}

/** `GET /api/exports/preview/:format?uai&year`: what the next export would carry, before it is made. */
export interface ExportPreviewDto {
  formatId: string;
  uai: string;
  year: number;
  previous: ExportManifestDto | null;
  from: number;
  to: number;
  plan: { blocking: AnomalyDto[]; warnings: AnomalyDto[]; counts: Record<string, number> };
  events: EventDto[];
  bySubject: ChangesBySubjectDto;
  diff: SnapshotDiffDto;
}

export interface ExportDiffDto {
  from: ExportManifestDto;
  to: ExportManifestDto;
  diff: SnapshotDiffDto;
}
