/**
 * A client of the SIECLE web service ("OMOGEN"), modelled on the NetSynchro REST contract
 * (FORMAT.md §10): exports by GET, imports by PUT answered 202 and processed asynchronously,
 * with an acknowledgement to poll. The base URL, the authentication and the acknowledgement
 * format are NOT public: what follows is a project assumption (docs/formats/omogen.md).
 */

export interface OmogenClientOptions {
  /** Base URL, e.g. `https://omogen.example/siecle/api` (assumption). */
  baseUrl: string;
  /** Bearer token (assumption); `user:password` sent as Basic when `auth` is `basic`. */
  token?: string;
  auth?: 'bearer' | 'basic';
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** Retries after a network error or a 5xx (default 2); never after a 4xx. */
  retries?: number;
  /** First backoff delay, doubled at each retry (default 200 ms). */
  backoffMs?: number;
  fetch?: typeof fetch;
}

export type AcknowledgementStatus = 'pending' | 'integrated' | 'rejected';

export interface Acknowledgement {
  id: string;
  status: AcknowledgementStatus;
  /** French report of the service (rejections). */
  report?: string;
}

/** A failure talking to the service, with a French message. */
export class OmogenError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'OmogenError';
  }
}

/** `ECONNREFUSED` rather than undici's « fetch failed ». */
const networkReason = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return (error as Error)?.message ?? String(error);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class OmogenClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: OmogenClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 200;
    this.fetchFn = options.fetch ?? fetch;
  }

  /** GET `/exports/<name>`: the bytes of a SIECLE export (`ElevesSansAdresses`, `Nomenclature`…). */
  async pullExport(name: string): Promise<Uint8Array> {
    const response = await this.request('GET', `/exports/${encodeURIComponent(name)}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** PUT `/imports/eleves`: sends an import file; the service answers 202 with an acknowledgement id. */
  async pushImport(fileName: string, bytes: Uint8Array): Promise<string> {
    const response = await this.request('PUT', '/imports/eleves', {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
    });
    if (response.status !== 202)
      throw new OmogenError(`envoi de « ${fileName} » : réponse ${response.status} inattendue (202 attendu)`, response.status);
    const body = (await response.json().catch(() => ({}))) as { id?: unknown };
    if (typeof body.id !== 'string' || body.id === '')
      throw new OmogenError(`envoi de « ${fileName} » : le service n’a pas renvoyé d’identifiant d’accusé de réception`);
    return body.id;
  }

  /** GET `/imports/eleves/<id>`: the acknowledgement's state. */
  async acknowledgement(id: string): Promise<Acknowledgement> {
    const response = await this.request('GET', `/imports/eleves/${encodeURIComponent(id)}`);
    const body = (await response.json().catch(() => ({}))) as { status?: unknown; report?: unknown };
    if (body.status !== 'pending' && body.status !== 'integrated' && body.status !== 'rejected')
      throw new OmogenError(`accusé de réception ${id} : état « ${String(body.status)} » inconnu`);
    return { id, status: body.status, ...(typeof body.report === 'string' ? { report: body.report } : {}) };
  }

  /** Polls the acknowledgement until it is integrated or rejected, or the deadline passes (then `pending`). */
  async pollAcknowledgement(id: string, options: { deadlineMs?: number; intervalMs?: number } = {}): Promise<Acknowledgement> {
    const deadline = Date.now() + (options.deadlineMs ?? 60_000);
    const interval = options.intervalMs ?? 1_000;
    for (;;) {
      const ack = await this.acknowledgement(id);
      if (ack.status !== 'pending' || Date.now() + interval > deadline) return ack;
      await sleep(interval);
    }
  }

  private authorization(): string | undefined {
    const { token, auth } = this.options;
    if (!token) return undefined;
    return auth === 'basic' ? `Basic ${Buffer.from(token).toString('base64')}` : `Bearer ${token}`;
  }

  private async request(method: string, path: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}) {
    const url = `${this.baseUrl}${path}`;
    const authorization = this.authorization();
    const headers = { ...init.headers, ...(authorization ? { authorization } : {}) };
    let lastError: OmogenError | undefined;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1));
      let response: Response;
      try {
        response = await this.fetchFn(url, {
          method,
          headers,
          ...(init.body ? { body: init.body } : {}),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const name = (error as Error)?.name;
        lastError =
          name === 'TimeoutError' || name === 'AbortError'
            ? new OmogenError(`${method} ${path} : le service SIECLE n’a pas répondu dans les ${this.timeoutMs} ms`)
            : new OmogenError(`${method} ${path} : service SIECLE injoignable (${networkReason(error)})`);
        continue;
      }
      if (response.status >= 500) {
        await response.arrayBuffer().catch(() => undefined);
        lastError = new OmogenError(`${method} ${path} : erreur ${response.status} du service SIECLE`, response.status);
        continue;
      }
      if (response.status >= 400) {
        const text = await response.text().catch(() => '');
        const reason =
          response.status === 401 || response.status === 403
            ? 'authentification refusée (vérifiez le jeton)'
            : response.status === 404
              ? 'ressource introuvable'
              : 'requête refusée';
        throw new OmogenError(
          `${method} ${path} : ${reason} (${response.status})${text ? ` — ${text.slice(0, 200)}` : ''}`,
          response.status,
        );
      }
      return response;
    }
    throw new OmogenError(`${lastError!.message} ; abandon après ${this.retries + 1} tentative(s)`, lastError!.httpStatus);
  }
}
