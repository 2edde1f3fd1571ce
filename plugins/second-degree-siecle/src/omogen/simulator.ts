import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface SimulatorOptions {
  /** Export name (`ElevesSansAdresses`…) → bytes served by GET `/exports/<name>`. */
  exports?: Record<string, Uint8Array>;
  /** Bearer token the PUTs must carry (none: no check). */
  token?: string;
  /** Polls answered `pending` before the final state (default 1). */
  pendingPolls?: number;
}

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

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
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
}
