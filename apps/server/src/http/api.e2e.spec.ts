import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import request from 'supertest';
import { CONTROLLERS } from '../nest/liaison.module';
import { createTestApp, type TestApp } from '../testing/test-app';

const register = {
  type: 'RegisterEstablishment',
  payload: { uai: '0750680G', name: 'École Sainte-Marie', degree: 'first', contract: 'association' },
};
const openYear = { type: 'OpenYear', payload: { uai: '0750680G', year: 2026 } };

describe('HTTP API', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const http = () => request(t.app.getHttpServer());

  it('answers health without a login', async () => {
    const res = await http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', head: 0 });
  });

  it('refuses commands and reads without a valid token', async () => {
    await http().post('/api/commands').send(register).expect(401);
    await http().get('/api/events').set('Authorization', 'Bearer nope').expect(401);
  });

  it('refuses a wrong password', async () => {
    await t.token('direction');
    const res = await http().post('/api/auth/login').send({ login: 'direction-test', password: 'faux' }).expect(401);
    expect(res.body.message).toBe('identifiant ou mot de passe incorrect');
  });

  it('records the logged-in user as the actor of every event', async () => {
    const token = await t.token('direction');
    const res = await http().post('/api/commands').set('Authorization', `Bearer ${token}`).send(register).expect(200);
    expect(res.body).toMatchObject({
      type: 'RegisterEstablishment',
      streamId: 'establishment-0750680G',
      version: 1,
      positions: [1],
    });
    expect(res.headers.etag).toBe('"establishment-0750680G@1"');
    const events = await http().get('/api/events').set('Authorization', `Bearer ${token}`).expect(200);
    expect(events.body.events).toHaveLength(1);
    expect(events.body.events[0].metadata).toMatchObject({ actor: 'direction-test', source: 'http' });
  });

  it('lets the lecture role read but not write', async () => {
    const token = await t.token('lecture');
    const res = await http().post('/api/commands').set('Authorization', `Bearer ${token}`).send(register).expect(403);
    expect(res.body.message).toContain('lecture');
    await http().get('/api/events').set('Authorization', `Bearer ${token}`).expect(200);
    expect(t.kernel.store.headPosition()).toBe(0);
  });

  it('answers 400 for invalid input with a French reason naming the field, and writes nothing', async () => {
    const token = await t.token();
    const bad = { ...register, payload: { ...register.payload, uai: '0750680A' } };
    const res = await http().post('/api/commands').set('Authorization', `Bearer ${token}`).send(bad).expect(400);
    expect(res.body).toMatchObject({ error: 'invalid' });
    expect(res.body.message).toContain('payload.uai');
    expect(res.body.message).toContain('la lettre clé attendue est « G »');
    const unknown = await http()
      .post('/api/commands')
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'Nope', payload: {} })
      .expect(400);
    expect(unknown.body.message).toBe('commande inconnue : « Nope »');
    expect(t.kernel.store.headPosition()).toBe(0);
  });

  it('answers 409 for a rule violation', async () => {
    const token = await t.token();
    const res = await http().post('/api/commands').set('Authorization', `Bearer ${token}`).send(openYear).expect(409);
    expect(res.body).toMatchObject({ error: 'rule', code: 'establishment_unknown' });
    expect(res.body.message).toContain('n’est pas enregistré');
  });

  it('answers 412 when If-Match names a stale version, and applies a current one', async () => {
    const token = await t.token();
    await http().post('/api/commands').set('Authorization', `Bearer ${token}`).send(register).expect(200);
    // The year stream does not exist yet: its version is 0.
    const stale = await http()
      .post('/api/commands')
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', '"1"')
      .send(openYear)
      .expect(412);
    expect(stale.body).toMatchObject({ error: 'stale', details: { streamId: 'year-0750680G-2026', actual: 0 } });
    expect(t.kernel.store.headPosition()).toBe(1);
    const fresh = await http()
      .post('/api/commands')
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', 'W/"0"')
      .send(openYear)
      .expect(200);
    expect(fresh.headers.etag).toBe('"year-0750680G-2026@1"');
    await http().post('/api/commands').set('Authorization', `Bearer ${token}`).set('If-Match', 'abc').send(openYear).expect(400);
  });

  it('applies a batch all or nothing, naming the refused command by rank and type', async () => {
    const token = await t.token();
    const post = (body: object) => http().post('/api/commands/batch').set('Authorization', `Bearer ${token}`).send(body);
    const createClass = { type: 'CreateClass', payload: { uai: '0750680G', year: 2026, classCode: 'CP', label: 'CP' } };
    // The second command needs the year the third opens: refused, and the first is not written either.
    const refused = await post({ commands: [register, createClass, openYear] }).expect(409);
    expect(refused.body).toMatchObject({ error: 'rule', details: { index: 1 } });
    expect(refused.body.message).toMatch(/^commande 2 \(CreateClass\) : /);
    expect(t.kernel.store.headPosition()).toBe(0);
    const invalid = await post({ commands: [register, { type: 'OpenYear', payload: { uai: '0750680G', year: 'x' } }] }).expect(
      400,
    );
    expect(invalid.body.message).toMatch(/^commande 2 \(OpenYear\) : payload\.year/);
    expect(invalid.body.details).toMatchObject({ index: 1 });
    expect(t.kernel.store.headPosition()).toBe(0);
    for (const body of [{}, { commands: [] }, [register], { commands: Array.from({ length: 51 }, () => register) }]) {
      const res = await post(body).expect(400);
      expect(res.body.message).toBe('corps invalide : { "commands": [ … ] } avec 1 à 50 commandes est attendu');
    }
    const applied = await post({ commands: [register, openYear, createClass] }).expect(200);
    expect(applied.body.results.map((r: { type: string; positions: number[] }) => [r.type, r.positions])).toEqual([
      ['RegisterEstablishment', [1]],
      ['OpenYear', [2]],
      ['CreateClass', [3]],
    ]);
    const events = await http().get('/api/events').set('Authorization', `Bearer ${token}`).expect(200);
    const correlations = new Set(
      events.body.events.map((e: { metadata: { correlationId: string } }) => e.metadata.correlationId),
    );
    expect(correlations.size).toBe(1);

    // If-Match is the state the user edited, checked once: the batch's own commands then move the stream.
    const classEtag = '"class-0750680G-2026-CP@1"';
    const rename = (label: string) => ({ type: 'RenameClass', payload: { uai: '0750680G', year: 2026, classCode: 'CP', label } });
    const code = { type: 'CodeClass', payload: { uai: '0750680G', year: 2026, classCode: 'CP', rectoratCode: 'CP01' } };
    const edited = await post({ commands: [rename('CP bleu'), code] })
      .set('If-Match', classEtag)
      .expect(200);
    expect(edited.headers.etag).toBe('"class-0750680G-2026-CP@3"');
    const head = t.kernel.store.headPosition();
    const stale = await post({ commands: [rename('CP vert'), code] })
      .set('If-Match', classEtag)
      .expect(412);
    expect(stale.body).toMatchObject({ error: 'stale', details: { streamId: 'class-0750680G-2026-CP', actual: 3 } });
    expect(t.kernel.store.headPosition()).toBe(head);

    const reader = await t.token('lecture');
    await http()
      .post('/api/commands/batch')
      .set('Authorization', `Bearer ${reader}`)
      .send({ commands: [openYear] })
      .expect(403);
  });

  it('pages the log and filters it', async () => {
    const token = await t.token();
    await http().post('/api/commands').set('Authorization', `Bearer ${token}`).send(register).expect(200);
    for (const year of [2024, 2025, 2026]) {
      await http()
        .post('/api/commands')
        .set('Authorization', `Bearer ${token}`)
        .send({ type: 'OpenYear', payload: { uai: '0750680G', year } })
        .expect(200);
    }
    const first = await http().get('/api/events?limit=2').set('Authorization', `Bearer ${token}`).expect(200);
    expect(first.body.events.map((e: { globalPosition: number }) => e.globalPosition)).toEqual([1, 2]);
    expect(first.body.next).toBe(2);
    const second = await http()
      .get(`/api/events?limit=2&after=${first.body.next}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(second.body.events.map((e: { globalPosition: number }) => e.globalPosition)).toEqual([3, 4]);
    expect(second.body.next).toBeUndefined();
    const years = await http().get('/api/events?type=YearOpened&asOf=3').set('Authorization', `Bearer ${token}`).expect(200);
    expect(years.body.events.map((e: { globalPosition: number }) => e.globalPosition)).toEqual([2, 3]);
    const byStream = await http()
      .get('/api/events?stream=year-0750680G-2025')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(byStream.body.events).toHaveLength(1);
    await http().get('/api/events?limit=abc').set('Authorization', `Bearer ${token}`).expect(400);
    const listed = await http().get('/api/establishments/0750680G/years').set('Authorization', `Bearer ${token}`).expect(200);
    expect(listed.body.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it('publishes an OpenAPI document generated from the command schemas', async () => {
    const res = await http().get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.0.3');
    const schema = res.body.components.schemas.RegisterEstablishmentCommand;
    expect(schema.properties.payload.required).toEqual(expect.arrayContaining(['uai', 'name', 'degree', 'contract']));
    expect(schema.properties.payload.properties.contract.enum).toEqual(['association', 'simple', 'hors-contrat']);
    await http().get('/api/docs/').expect(200);
  });

  it('documents every route the controllers serve, with its method', async () => {
    const documented = (await http().get('/api/docs/openapi.json').expect(200)).body.paths as Record<
      string,
      Record<string, unknown>
    >;
    const served: string[] = [];
    for (const controller of CONTROLLERS) {
      const base = String(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as unknown as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
        const full = `/${[base, path]
          .map((p) => p.replace(/^\/|\/$/g, ''))
          .filter(Boolean)
          .join('/')}`.replace(/:(\w+)/g, '{$1}');
        served.push(`${method} ${full}`);
      }
    }
    expect(served.length).toBeGreaterThanOrEqual(30);
    const missing = served.filter((route) => {
      const [method, path] = route.split(' ') as [string, string];
      return documented[path]?.[method] === undefined;
    });
    expect(missing).toEqual([]);
  });
});
