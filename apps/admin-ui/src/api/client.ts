import type { CommandType, PayloadOf, UiCommand } from './commands';
import type {
  ActivityPageDto,
  ApiErrorBody,
  ClassDto,
  CommandResultDto,
  ControlReportDto,
  EstablishmentDto,
  EventPageDto,
  ExportChangesDto,
  ExportManifestDto,
  ExportResultDto,
  GuardianDto,
  HealthDto,
  ImportReportDto,
  NomenclatureEntryDto,
  PluginDto,
  PupilDto,
  PupilOfYearDto,
  SessionDto,
  YearDto,
} from './types';
import type { ChecklistDto, ExportDiffDto, ExportPreviewDto, ReportResultDto, RolloverResultDto } from './types';

/** An API answer other than 2xx, with the server's French message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody & Record<string, unknown>,
  ) {
    super(body.message || `erreur ${status}`);
    this.name = 'ApiError';
  }

  get isStale(): boolean {
    return this.status === 412;
  }
}

const TOKEN_KEY = 'liaison.session';

/** The session is kept for the tab only (sessionStorage): closing the browser logs out. */
export const session = {
  read(): SessionDto | undefined {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as SessionDto;
      return new Date(parsed.expiresAt).getTime() > Date.now() ? parsed : undefined;
    } catch {
      return undefined;
    }
  },
  write(value: SessionDto | undefined): void {
    if (value) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(value));
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

let onUnauthorized: () => void = () => undefined;
/** Called when the server answers 401 (expired or revoked session). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | undefined | null | false>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== false && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function authHeaders(): Record<string, string> {
  const s = session.read();
  return s ? { Authorization: `Bearer ${s.token}` } : {};
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: ApiErrorBody & Record<string, unknown>;
  try {
    body = (await response.json()) as ApiErrorBody & Record<string, unknown>;
  } catch {
    body = { error: 'http', message: `le serveur a répondu ${response.status}` };
  }
  if (response.status === 401) onUnauthorized();
  return new ApiError(response.status, body);
}

export interface WithEtag<T> {
  data: T;
  etag: string | null;
}

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; headers?: Record<string, string> } = {},
): Promise<WithEtag<T>> {
  const response = await fetch(withQuery(path, options.query), {
    method,
    headers: {
      Accept: 'application/json',
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...authHeaders(),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  if (!response.ok) throw await errorOf(response);
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, etag: response.headers.get('ETag') };
}

const get = async <T>(path: string, query?: Query) => (await request<T>('GET', path, { query })).data;

const yearPath = (uai: string, year: number) => `/api/establishments/${encodeURIComponent(uai)}/years/${year}`;

/** The typed client of the Liaison HTTP API (docs/http.md). */
export const api = {
  async login(login: string, password: string): Promise<SessionDto> {
    return (await request<SessionDto>('POST', '/api/auth/login', { body: { login, password } })).data;
  },
  async logout(): Promise<void> {
    await request<void>('POST', '/api/auth/logout');
  },
  health: () => get<HealthDto>('/api/health'),
  formats: () => get<{ plugins: PluginDto[] }>('/api/formats'),

  establishments: (asOf?: number) => get<EstablishmentDto[]>('/api/establishments', { asOf }),
  years: (uai: string, asOf?: number) => get<YearDto[]>(`/api/establishments/${encodeURIComponent(uai)}/years`, { asOf }),
  nomenclature: (uai: string, year: number) => get<NomenclatureEntryDto[]>(`${yearPath(uai, year)}/nomenclature`),
  classes: (uai: string, year: number, asOf?: number) => get<ClassDto[]>(`${yearPath(uai, year)}/classes`, { asOf }),
  classWithEtag: (uai: string, year: number, classCode: string) =>
    request<ClassDto>('GET', `${yearPath(uai, year)}/classes/${encodeURIComponent(classCode)}`),
  pupils: (
    uai: string,
    year: number,
    filters: { q?: string; status?: string; classCode?: string; formationCode?: string; asOf?: number } = {},
  ) => get<PupilOfYearDto[]>(`${yearPath(uai, year)}/pupils`, filters),
  pupilWithEtag: (uai: string, pupilId: string) =>
    request<PupilDto>('GET', `/api/establishments/${encodeURIComponent(uai)}/pupils/${encodeURIComponent(pupilId)}`),
  pupil: (uai: string, pupilId: string, asOf?: number) =>
    get<PupilDto>(`/api/establishments/${encodeURIComponent(uai)}/pupils/${encodeURIComponent(pupilId)}`, { asOf }),
  guardian: (uai: string, guardianId: string) =>
    get<GuardianDto>(`/api/establishments/${encodeURIComponent(uai)}/guardians/${encodeURIComponent(guardianId)}`),
  pupilHistory: (uai: string, pupilId: string) =>
    get<EventPageDto>(`/api/establishments/${encodeURIComponent(uai)}/pupils/${encodeURIComponent(pupilId)}/history`),

  events: (filters: {
    uai?: string;
    stream?: string;
    type?: string;
    actor?: string;
    after?: number;
    asOf?: number;
    limit?: number;
    order?: 'asc' | 'desc';
  }) => get<EventPageDto>('/api/events', filters),

  /** The records most recently changed, with their last author (an asynchronous index: see `behind`). */
  activity: (uai: string, filters: { kind?: string; actor?: string; limit?: number } = {}) =>
    get<ActivityPageDto>(`/api/establishments/${encodeURIComponent(uai)}/activity`, filters),
  anomalies: (uai: string, year: number, plugin?: string) =>
    get<ControlReportDto[]>(`${yearPath(uai, year)}/anomalies`, { plugin }),
  checklist: (uai: string, year: number) => get<ChecklistDto>(`${yearPath(uai, year)}/checklist`),
  report: <T>(uai: string, year: number, reportId: string, parameters: Record<string, string | undefined>) =>
    get<ReportResultDto<T>>(`${yearPath(uai, year)}/reports/${encodeURIComponent(reportId)}`, parameters),
  rollover: async (uai: string, year: number, body: { dryRun: boolean; carryClasses: boolean }) =>
    (await request<RolloverResultDto>('POST', `${yearPath(uai, year)}/rollover`, { body })).data,

  /** One command; `ifMatch` is the ETag of the resource being edited (412 when it moved since). */
  async command<T extends CommandType>(
    type: T,
    payload: PayloadOf<T>,
    ifMatch?: string | null,
  ): Promise<WithEtag<CommandResultDto>> {
    return api.send({ type, payload } as UiCommand, ifMatch);
  },
  /** One command already built (`command(type, payload)`), with the same `If-Match` rule. */
  async send(command: UiCommand, ifMatch?: string | null): Promise<WithEtag<CommandResultDto>> {
    return request<CommandResultDto>('POST', '/api/commands', {
      body: command,
      headers: ifMatch ? { 'If-Match': ifMatch } : {},
    });
  },

  /**
   * Several commands, all or nothing (`POST /api/commands/batch`); `ifMatch` is checked once,
   * before the first. The answer's ETag is the last command's stream.
   */
  async commands(commands: readonly UiCommand[], ifMatch?: string | null): Promise<WithEtag<{ results: CommandResultDto[] }>> {
    return request<{ results: CommandResultDto[] }>('POST', '/api/commands/batch', {
      body: { commands },
      headers: ifMatch ? { 'If-Match': ifMatch } : {},
    });
  },

  exportPreview: (formatId: string, uai: string, year: number) =>
    get<ExportPreviewDto>(`/api/exports/preview/${encodeURIComponent(formatId)}`, { uai, year }),
  exportDiff: (exportId: string, otherId: string) =>
    get<ExportDiffDto>(`/api/exports/${encodeURIComponent(exportId)}/diff/${encodeURIComponent(otherId)}`),
  ledger: (uai?: string) => get<ExportManifestDto[]>('/api/exports', { uai }),
  exportChanges: (exportId: string, since = false) =>
    get<ExportChangesDto>(`/api/exports/${encodeURIComponent(exportId)}/changes`, { since: since ? 1 : undefined }),
  async produceExport(formatId: string, uai: string, year: number): Promise<ExportResultDto> {
    return (await request<ExportResultDto>('POST', `/api/exports/${encodeURIComponent(formatId)}`, { body: { uai, year } })).data;
  },
  /** Downloads the kept copy (the server records the download) and hands it to the browser. */
  async downloadExport(exportId: string, fileName?: string): Promise<{ name: string; size: number }> {
    const response = await fetch(withQuery(`/api/exports/${encodeURIComponent(exportId)}/download`, { file: fileName }), {
      headers: authHeaders(),
    });
    if (!response.ok) throw await errorOf(response);
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fileName ?? `${exportId}.zip`;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { name, size: blob.size };
  },

  /**
   * Multipart upload with progress (fetch has no upload progress; XMLHttpRequest does).
   * A 409 carries the refused import's report: it is returned, not thrown.
   */
  importFile(
    formatId: string,
    fields: { uai: string; year: number; skipRejected: boolean },
    file: File | undefined,
    onProgress: (fraction: number) => void,
  ): Promise<ImportReportDto> {
    const form = new FormData();
    form.set('uai', fields.uai);
    form.set('year', String(fields.year));
    form.set('skipRejected', fields.skipRejected ? 'true' : 'false');
    if (file) form.set('file', file, file.name);
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/imports/${encodeURIComponent(formatId)}`);
      for (const [key, value] of Object.entries(authHeaders())) xhr.setRequestHeader(key, value);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onerror = () => reject(new ApiError(0, { error: 'http', message: 'le serveur est injoignable' }));
      xhr.onload = () => {
        onProgress(1);
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = { error: 'http', message: `le serveur a répondu ${xhr.status}` };
        }
        if (xhr.status === 200 || (xhr.status === 409 && (body as ImportReportDto).importId)) {
          resolve(body as ImportReportDto);
        } else {
          if (xhr.status === 401) onUnauthorized();
          reject(new ApiError(xhr.status, body as ApiErrorBody & Record<string, unknown>));
        }
      };
      xhr.send(form);
    });
  },
};

/** The French sentence to show for any failure. */
export function messageOf(error: unknown): string {
  // A refused batch names the command by rank and type for API users; a form's user only needs the reason.
  if (error instanceof ApiError) return error.message.replace(/^commande \d+ \([A-Za-z]+\) : /, '');
  if (error instanceof Error) return error.message;
  return String(error);
}
