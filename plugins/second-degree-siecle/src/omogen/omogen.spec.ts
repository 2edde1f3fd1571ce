import { type ChannelContext } from '@liaison/domain';
import { omogenChannel } from './omogen-channel';
import { OmogenClient } from './omogen-client';
import { OmogenSimulator } from './simulator';

const TOKEN = 'jeton-de-test';
const ELEVES = new Uint8Array(Buffer.from('<BEE_ELEVES/>'));
const RESPONSABLES = new Uint8Array(Buffer.from('<BEE_RESPONSABLES/>'));
const ZIP = new Uint8Array(Buffer.from('PK-zip'));

function fakeContext(url: string, config: Record<string, string> = {}) {
  const imported: Array<{ formatId: string; name: string; bytes: string }> = [];
  const exported: string[] = [];
  const context: ChannelContext = {
    uai: '0750680G',
    year: 2019,
    snapshot: () => Promise.reject(new Error('non utilisé')),
    importFile: (formatId, file) => {
      imported.push({ formatId, name: file.name, bytes: Buffer.from(file.bytes).toString() });
      return Promise.resolve({ status: 'applied', counts: { update: 1 } });
    },
    produceExport: (formatId) => {
      exported.push(formatId);
      return Promise.resolve({ exportId: 'exp-1', files: [{ path: 'SIECLE/0750680G/import.zip', bytes: ZIP }] });
    },
    config: { url, token: TOKEN, pollIntervalMs: '10', pollDeadlineMs: '2000', ...config },
    log: () => undefined,
  };
  return { context, imported, exported };
}

describe('OMOGEN client and channel against the simulator', () => {
  let sim: OmogenSimulator;
  let url: string;
  beforeEach(async () => {
    sim = new OmogenSimulator({ token: TOKEN, exports: { ElevesSansAdresses: ELEVES, ResponsablesAvecAdresses: RESPONSABLES } });
    url = await sim.start();
  });
  afterEach(() => sim.stop());

  it('retries on 5xx, then succeeds', async () => {
    sim.failNext5xx = 2;
    const client = new OmogenClient({ baseUrl: url, token: TOKEN, retries: 2, backoffMs: 5 });
    expect(Buffer.from(await client.pullExport('ElevesSansAdresses')).toString()).toBe('<BEE_ELEVES/>');
    expect(sim.requests).toEqual(Array(3).fill('GET /exports/ElevesSansAdresses'));
  });

  it('gives up after the bounded retries, and never retries a 4xx', async () => {
    sim.failNext5xx = 5;
    const client = new OmogenClient({ baseUrl: url, token: TOKEN, retries: 1, backoffMs: 5 });
    await expect(client.pullExport('ElevesSansAdresses')).rejects.toThrow(
      'GET /exports/ElevesSansAdresses : erreur 503 du service SIECLE ; abandon après 2 tentative(s)',
    );
    sim.failNext5xx = 0;
    sim.requests.length = 0;
    const wrongToken = new OmogenClient({ baseUrl: url, token: 'faux', retries: 3, backoffMs: 5 });
    await expect(wrongToken.pushImport('import.zip', ZIP)).rejects.toThrow('authentification refusée');
    expect(sim.requests).toHaveLength(1);
  });

  it('a timeout gives a French error', async () => {
    sim.delayMs = 300;
    const client = new OmogenClient({ baseUrl: url, token: TOKEN, timeoutMs: 50, retries: 0 });
    await expect(client.pullExport('Nomenclature')).rejects.toThrow(
      'GET /exports/Nomenclature : le service SIECLE n’a pas répondu dans les 50 ms',
    );
  });

  it('an unreachable service gives a French error after the bounded retries', async () => {
    await sim.stop();
    const client = new OmogenClient({ baseUrl: url, token: TOKEN, retries: 1, backoffMs: 5 });
    await expect(client.pullExport('Nomenclature')).rejects.toThrow(
      'GET /exports/Nomenclature : service SIECLE injoignable (ECONNREFUSED) ; abandon après 2 tentative(s)',
    );
  });

  it('pull imports ElevesSansAdresses then ResponsablesAvecAdresses through the importers', async () => {
    const { context, imported, exported } = fakeContext(url);
    const report = await omogenChannel.run(context, { action: 'pull' });
    expect(report.status).toBe('done');
    expect(imported).toEqual([
      { formatId: 'siecle.eleves', name: 'ElevesSansAdresses.xml', bytes: '<BEE_ELEVES/>' },
      { formatId: 'siecle.responsables', name: 'ResponsablesAvecAdresses.xml', bytes: '<BEE_RESPONSABLES/>' },
    ]);
    expect(exported).toEqual([]);
    expect(report.steps).toContain('ElevesSansAdresses importé (siecle.eleves) : update 1');
  });

  it('send pushes the produced export and polls until integrated', async () => {
    const { context } = fakeContext(url);
    const report = await omogenChannel.run(context, { action: 'send' });
    expect(report).toMatchObject({
      status: 'done',
      details: { exportId: 'exp-1', acknowledgements: [{ id: 'ack-1', status: 'integrated' }] },
    });
    expect(report.steps).toEqual([
      'Export exp-1 produit (1 fichier(s))',
      'import.zip envoyé ; accusé de réception ack-1',
      'import.zip intégré par SIECLE',
    ]);
    expect(sim.received).toEqual([{ id: 'ack-1', fileName: 'import.zip', bytes: ZIP }]);
  });

  it('a rejected send reports failed, with the service’s French report, and imports nothing', async () => {
    sim.rejectNextSend = true;
    const { context, imported } = fakeContext(url);
    const report = await omogenChannel.run(context, { action: 'send' });
    expect(report.status).toBe('failed');
    expect(report.steps[2]).toBe(
      'import.zip rejeté par SIECLE : fichier refusé : numéro d’envoi déjà utilisé (simulation) ; nos données sont inchangées',
    );
    expect(imported).toEqual([]);
  });

  it('an acknowledgement still pending at the deadline reports pending', async () => {
    await sim.stop();
    sim = new OmogenSimulator({ token: TOKEN, pendingPolls: 1000 });
    const { context } = fakeContext(await sim.start(), { pollDeadlineMs: '60' });
    const report = await omogenChannel.run(context, { action: 'send' });
    expect(report.status).toBe('pending');
    expect(report.steps[2]).toBe('import.zip toujours en attente d’intégration : relancez plus tard (accusé ack-1)');
  });

  it('sync pulls then sends; a missing URL or an unknown action fails in French', async () => {
    const { context, imported, exported } = fakeContext(url);
    expect((await omogenChannel.run(context, { action: 'sync' })).status).toBe('done');
    expect(imported.map((i) => i.formatId)).toEqual(['siecle.eleves', 'siecle.responsables']);
    expect(exported).toEqual(['siecle.import-prive']);
    const missing = fakeContext('');
    expect(await omogenChannel.run(missing.context, { action: 'pull' })).toEqual({
      status: 'failed',
      steps: ['Échec : adresse du service SIECLE non configurée (LIAISON_OMOGEN_URL)'],
    });
    expect((await omogenChannel.run(context, { action: 'push' })).steps).toEqual([
      'action « push » inconnue : pull, send ou sync',
    ]);
  });

  it('control routes close their connection, so a client paused past the keep-alive never reuses a dead socket', async () => {
    await sim.stop();
    sim = new OmogenSimulator({ control: true });
    const base = await sim.start();
    const control = await fetch(`${base}/_simulateur/requests`);
    expect(control.headers.get('connection')).toBe('close');
    expect(await control.json()).toEqual([]);
    const service = await fetch(`${base}/exports/inconnu`);
    expect(service.status).toBe(404);
    expect(service.headers.get('connection')).not.toBe('close');
  });
});
