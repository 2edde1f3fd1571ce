import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface SimulatorOptions {
  /** Export name (`ElevesSansAdresses`…) → bytes served by GET `/exports/<name>`. */
  exports?: Record<string, Uint8Array>;
  /** Bearer token the PUTs must carry (none: no check). */
  token?: string;
  /** Polls answered `pending` before the final state (default 1). */
  pendingPolls?: number;
  /**
   * Serve the control routes under `/_simulateur/` (see `handleControl`): how a test in another
   * process (the CLI runs synchronously) sets failures and reads what was received.
   */
  control?: boolean;
}

/** The prefix of the control routes; SIECLE's contract has nothing under it. */
export const CONTROL_PREFIX = '/_simulateur/';

export interface ReceivedImport {
  id: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * A small in-process stand-in for SIECLE's web service (our assumed contract, see
 * docs/formats/omogen.md), for tests and demonstrations: serves export files, accepts PUTs of
 * the pupil import (202 + acknowledgement id), answers polls `pending` then `integrated`.
 * Failure modes: `rejectNextSend`, `delayMs`, `failNext5xx`.
 */
export class OmogenSimulator {
  /** The next PUT's acknowledgement ends `rejected` with a French report. */
  rejectNextSend = false;
  /** Delay before every answer (to trigger client timeouts). */
  delayMs = 0;
  /** The next N requests answer 503. */
  failNext5xx = 0;
  readonly received: ReceivedImport[] = [];
  readonly requests: string[] = [];
  private readonly acks = new Map<string, { polls: number; final: 'integrated' | 'rejected'; report?: string }>();
  private server?: Server;
  private nextId = 1;

  constructor(private readonly options: SimulatorOptions = {}) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('simulateur non démarré');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    if (this.options.control && path.startsWith(CONTROL_PREFIX))
      return this.handleControl(method, path, Buffer.concat(chunks), res);
    this.requests.push(`${method} ${path}`);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (res.destroyed) return;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (this.failNext5xx > 0) {
      this.failNext5xx--;
      return json(503, { message: 'service momentanément indisponible' });
    }
    if (this.options.token && req.headers.authorization !== `Bearer ${this.options.token}`)
      return json(401, { message: 'jeton absent ou invalide' });

    const exportMatch = /^\/exports\/([^/]+)$/.exec(path);
    if (method === 'GET' && exportMatch) {
      const bytes = this.options.exports?.[decodeURIComponent(exportMatch[1]!)];
      if (!bytes) return json(404, { message: 'export inconnu' });
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(Buffer.from(bytes));
    }
    if (method === 'PUT' && path === '/imports/eleves') {
      if (chunks.length === 0) return json(400, { message: 'fichier vide' });
      const id = `ack-${this.nextId++}`;
      const header = req.headers['x-file-name'];
      const fileName = decodeURIComponent(typeof header === 'string' ? header : 'import.zip');
      this.received.push({ id, fileName, bytes: new Uint8Array(Buffer.concat(chunks)) });
      this.acks.set(
        id,
        this.rejectNextSend
          ? { polls: 0, final: 'rejected', report: 'fichier refusé : numéro d’envoi déjà utilisé (simulation)' }
          : { polls: 0, final: 'integrated' },
      );
      this.rejectNextSend = false;
      return json(202, { id });
    }
    const ackMatch = /^\/imports\/eleves\/([^/]+)$/.exec(path);
    if (method === 'GET' && ackMatch) {
      const ack = this.acks.get(decodeURIComponent(ackMatch[1]!));
      if (!ack) return json(404, { message: 'accusé de réception inconnu' });
      ack.polls++;
      if (ack.polls <= (this.options.pendingPolls ?? 1)) return json(200, { status: 'pending' });
      return json(200, { status: ack.final, ...(ack.report ? { report: ack.report } : {}) });
    }
    return json(404, { message: 'ressource inconnue' });
  }

  /**
   * `PUT exports/<name>` (body: the file), `POST reject-next-send`, `POST delay?ms=`,
   * `POST fail-next?count=`, `GET received` (ids, file names, sizes), `GET received/<id>` (the
   * bytes), `GET requests`.
   */
  private handleControl(method: string, path: string, body: Buffer, res: ServerResponse): void {
    // The test driving these routes blocks its event loop while a synchronous CLI runs; a kept-alive
    // socket the simulator closed meanwhile would be reused and fail ("other side closed").
    res.setHeader('connection', 'close');
    const route = path.slice(CONTROL_PREFIX.length);
    const query = new URLSearchParams(res.req.url?.split('?')[1] ?? '');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(value));
    };
    const exportMatch = /^exports\/([^/]+)$/.exec(route);
    if (method === 'PUT' && exportMatch) {
      this.options.exports = { ...this.options.exports, [decodeURIComponent(exportMatch[1]!)]: new Uint8Array(body) };
      return json(200, { ok: true });
    }
    if (method === 'POST' && route === 'reject-next-send') {
      this.rejectNextSend = true;
      return json(200, { ok: true });
    }
    if (method === 'POST' && route === 'delay') {
      this.delayMs = Number(query.get('ms') ?? 0);
      return json(200, { ok: true });
    }
    if (method === 'POST' && route === 'fail-next') {
      this.failNext5xx = Number(query.get('count') ?? 1);
      return json(200, { ok: true });
    }
    if (method === 'GET' && route === 'requests') return json(200, this.requests);
    if (method === 'GET' && route === 'received') {
      return json(
        200,
        this.received.map((r) => ({ id: r.id, fileName: r.fileName, size: r.bytes.length })),
      );
    }
    const receivedMatch = /^received\/([^/]+)$/.exec(route);
    if (method === 'GET' && receivedMatch) {
      const found = this.received.find((r) => r.id === decodeURIComponent(receivedMatch[1]!));
      if (!found) return json(404, { message: 'envoi inconnu' });
      res.writeHead(200, { 'content-type': 'application/zip' });
      return void res.end(Buffer.from(found.bytes));
    }
    return json(404, { message: 'route de contrôle inconnue' });
  }
}
