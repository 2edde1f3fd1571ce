import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createPlugin as createSieclePlugin } from '@liaison/plugin-second-degree-siecle';
import { createTestApp, type TestApp } from '../testing/test-app';

const UAI = '0750680G';
const ECOLE = '0752387M';
const Y = 2019;
const PLUGIN_DIR = join(__dirname, '../../../../plugins/second-degree-siecle');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OmogenSimulator } = require(join(PLUGIN_DIR, 'dist/omogen/simulator.js')) as {
  OmogenSimulator: new (options: { token?: string; exports?: Record<string, Uint8Array> }) => {
    url: string;
    requests: string[];
    start(): Promise<string>;
    stop(): Promise<void>;
  };
};
const fixture = (name: string) => new Uint8Array(readFileSync(join(PLUGIN_DIR, 'src/imports/__fixtures__', name)));

const pupil = (pupilId: string, lastName: string, sex: 'M' | 'F') => ({
  type: 'RegisterPupil',
  payload: {
    uai: UAI,
    pupilId,
    lastName,
    firstName: 'Camille',
    sex,
    birthDate: '2004-07-01',
    guardians: [
      {
        guardianId: `G-${pupilId}`,
        civility: 'MME',
        lastName,
        firstName: 'Anne',
        link: '10',
        legalLevel: 1,
        parentalAuthority: true,
        address: { line1: '1 rue de la Paix', postalCode: '75002', commune: 'Paris', country: '100' },
      },
    ],
  },
});

const setup = [
  {
    type: 'RegisterEstablishment',
    payload: { uai: UAI, name: 'Lycée Saint-Exemple', degree: 'second', contract: 'association' },
  },
  { type: 'RegisterEstablishment', payload: { uai: ECOLE, name: 'École Saint-Éloi', degree: 'first', contract: 'association' } },
  { type: 'OpenYear', payload: { uai: UAI, year: Y } },
  {
    type: 'DeclareFormations',
    payload: { uai: UAI, year: Y, source: 'test', entries: [{ code: '20010018110', label: '2NDE GENERALE & TECHNO' }] },
  },
  { type: 'CreateClass', payload: { uai: UAI, year: Y, classCode: '2NDE1', label: 'Seconde 1' } },
  { type: 'AssignFormation', payload: { uai: UAI, year: Y, classCode: '2NDE1', formationCode: '20010018110' } },
  pupil('P001', 'Martin', 'F'),
  pupil('P002', 'Dupont', 'M'),
  { type: 'EnrolPupil', payload: { uai: UAI, year: Y, pupilId: 'P001', classCode: '2NDE1', entryDate: '2019-09-02' } },
];

describe('reports and exchange channels over HTTP', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ plugins: [createSieclePlugin()] });
    await t.kernel.pipeline.executeBatch(setup, { actor: 'test', source: 'test' });
    token = await t.token('secretariat');
  });
  afterAll(() => t.close());
  const get = (path: string) => request(t.app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: unknown, bearer = token) =>
    request(t.app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${bearer}`)
      .send(body as object);

  it('lists the reports of the establishment’s degree, with their parameters', async () => {
    const res = await get(`/api/establishments/${UAI}/years/${Y}/reports`).expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({ id: 'siecle.effectifs', parameters: { date: expect.stringContaining('AAAA-MM-JJ') } }),
    ]);
    expect((await get(`/api/establishments/${ECOLE}/years/${Y}/reports`).expect(200)).body).toEqual([]);
  });

  it('serves the head-counts as JSON, at a date, and as of a past position', async () => {
    const live = await get(`/api/establishments/${UAI}/years/${Y}/reports/siecle.effectifs?date=2019-10-01`).expect(200);
    expect(live.body).toMatchObject({ reportId: 'siecle.effectifs', uai: UAI, year: Y, data: { date: '2019-10-01' } });
    expect(live.body.data.total).toEqual({ total: 1, boys: 0, girls: 1 });
    expect(live.body.data.byDivision).toEqual([expect.objectContaining({ classCode: '2NDE1', total: 1, girls: 1 })]);

    const enrolled = await post('/api/commands', {
      type: 'EnrolPupil',
      payload: { uai: UAI, year: Y, pupilId: 'P002', classCode: '2NDE1', entryDate: '2019-09-02' },
    }).expect(200);
    const before = (enrolled.body.positions as number[])[0]! - 1;
    const now = await get(`/api/establishments/${UAI}/years/${Y}/reports/siecle.effectifs?date=2019-10-01`).expect(200);
    expect(now.body.data.total).toEqual({ total: 2, boys: 1, girls: 1 });
    const past = await get(
      `/api/establishments/${UAI}/years/${Y}/reports/siecle.effectifs?date=2019-10-01&asOf=${before}`,
    ).expect(200);
    expect([past.body.asOf, past.body.data.total.total]).toEqual([before, 1]);
  });

  it('answers 400 in French for a bad date or an unknown parameter, 404 for an unknown report, 409 for the other degree', async () => {
    const base = `/api/establishments/${UAI}/years/${Y}/reports`;
    expect((await get(`${base}/siecle.effectifs?date=01/10/2019`).expect(400)).body.message).toContain(
      'paramètre date « 01/10/2019 » invalide',
    );
    expect((await get(`${base}/siecle.effectifs?jour=2019-10-01`).expect(400)).body.message).toContain('paramètre(s) inconnu(s)');
    expect((await get(`${base}/onde.effectifs`).expect(404)).body.message).toContain('rapport inconnu : « onde.effectifs »');
    expect((await get(`/api/establishments/${ECOLE}/years/${Y}/reports/siecle.effectifs`).expect(409)).body.message).toContain(
      'concerne le second degré',
    );
  });

  it('lists the channels with their actions and settings in /api/formats', async () => {
    const res = await get('/api/formats').expect(200);
    const siecle = (res.body.plugins as Array<{ id: string; channels: unknown[]; reports: unknown[] }>).find(
      (p) => p.id === 'second-degree-siecle',
    )!;
    expect(siecle.channels).toEqual([
      expect.objectContaining({
        id: 'siecle.omogen',
        actions: ['pull', 'send', 'sync'],
        settings: expect.arrayContaining([expect.objectContaining({ variable: 'LIAISON_OMOGEN_URL', required: true })]),
      }),
    ]);
    expect(siecle.reports).toEqual([expect.objectContaining({ id: 'siecle.effectifs' })]);
  });

  describe('POST /api/exchanges/:channel/:action', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const key of Object.keys(process.env)) if (key.startsWith('LIAISON_OMOGEN_')) delete process.env[key];
      Object.assign(process.env, saved);
    });

    it('503 with the missing variable when the channel is not configured; 404 for an unknown channel or action', async () => {
      delete process.env.LIAISON_OMOGEN_URL;
      const res = await post('/api/exchanges/siecle.omogen/pull', { uai: UAI, year: Y }).expect(503);
      expect(res.body).toMatchObject({ code: 'channel_not_configured', missing: ['LIAISON_OMOGEN_URL'] });
      expect((await post('/api/exchanges/onde.ws/pull', { uai: UAI, year: Y }).expect(404)).body.message).toContain(
        'canal d’échange inconnu',
      );
      process.env.LIAISON_OMOGEN_URL = 'http://127.0.0.1:9';
      expect((await post('/api/exchanges/siecle.omogen/push', { uai: UAI, year: Y }).expect(404)).body.message).toContain(
        'action « push » inconnue',
      );
    });

    it('pulls from the service as the logged-in user; lecture may not', async () => {
      const sim = new OmogenSimulator({
        token: 'jeton',
        exports: {
          ElevesSansAdresses: fixture('ElevesSansAdresses.xml'),
          ResponsablesAvecAdresses: fixture('ResponsablesAvecAdresses-ancien-modele.xml'),
        },
      });
      await sim.start();
      try {
        Object.assign(process.env, { LIAISON_OMOGEN_URL: sim.url, LIAISON_OMOGEN_TOKEN: 'jeton' });
        await post('/api/exchanges/siecle.omogen/pull', { uai: UAI, year: Y }, await t.token('lecture')).expect(403);
        expect(sim.requests).toEqual([]);
        const res = await post('/api/exchanges/siecle.omogen/pull', { uai: UAI, year: Y }).expect(200);
        expect(res.body).toMatchObject({ channel: 'siecle.omogen', action: 'pull', status: 'done' });
        const imported = t.kernel.store.readAll({ types: ['FileImported'] });
        expect(imported.map((e) => e.metadata.actor)).toEqual(['secretariat-test', 'secretariat-test']);
      } finally {
        await sim.stop();
      }
    });

    it('502 with the report when the service fails', async () => {
      Object.assign(process.env, { LIAISON_OMOGEN_URL: 'http://127.0.0.1:9', LIAISON_OMOGEN_RETRIES: '0' });
      const res = await post('/api/exchanges/siecle.omogen/pull', { uai: UAI, year: Y }).expect(502);
      expect(res.body.status).toBe('failed');
      expect(res.body.steps.at(-1)).toMatch(/^Échec : /);
    });
  });
});
