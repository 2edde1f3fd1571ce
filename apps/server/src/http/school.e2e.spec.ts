import request from 'supertest';
import { createTestApp, type TestApp } from '../testing/test-app';

const UAI = '0752387M';
const Y = 2026;

const setup = [
  { type: 'RegisterEstablishment', payload: { uai: UAI, name: 'École Saint-Éloi', degree: 'first', contract: 'association' } },
  { type: 'OpenYear', payload: { uai: UAI, year: Y } },
  {
    type: 'DeclareFormations',
    payload: {
      uai: UAI,
      year: Y,
      source: 'test',
      entries: [
        { code: 'CP', label: 'Cours préparatoire', cycle: '2' },
        { code: 'CE1', label: 'Cours élémentaire 1re année', cycle: '2' },
        { code: 'CM1', label: 'Cours moyen 1re année', cycle: '3' },
        { code: 'CM2', label: 'Cours moyen 2e année', cycle: '3' },
      ],
    },
  },
  { type: 'CreateClass', payload: { uai: UAI, year: Y, classCode: 'CP-A', label: 'CP A' } },
  { type: 'AssignFormation', payload: { uai: UAI, year: Y, classCode: 'CP-A', formationCode: 'CP' } },
  { type: 'CreateClass', payload: { uai: UAI, year: Y, classCode: 'CM1-CM2', label: 'CM1-CM2' } },
  { type: 'AssignFormation', payload: { uai: UAI, year: Y, classCode: 'CM1-CM2', formationCode: 'CM1' } },
  { type: 'AssignFormation', payload: { uai: UAI, year: Y, classCode: 'CM1-CM2', formationCode: 'CM2' } },
  { type: 'CodeClass', payload: { uai: UAI, year: Y, classCode: 'CM1-CM2', rectoratCode: 'C12' } },
  {
    type: 'RegisterPupil',
    payload: {
      uai: UAI,
      pupilId: 'E001',
      lastName: 'Lefèvre',
      firstName: 'Éloïse',
      sex: 'F',
      birthDate: '2016-03-14',
      birthPlace: { country: '100', department: '075', communeCode: '75056', city: 'Paris' },
      guardians: [
        {
          guardianId: 'F01-M',
          civility: 'MME',
          lastName: 'Lefèvre',
          firstName: 'Anaïs',
          link: '10',
          legalLevel: 1,
          parentalAuthority: true,
          address: { line1: '3 rue des Lilas', postalCode: '75011', commune: 'Paris', country: '100' },
        },
      ],
    },
  },
  {
    type: 'RegisterPupil',
    payload: {
      uai: UAI,
      pupilId: 'E002',
      lastName: 'Lefèvre',
      firstName: 'Noé',
      sex: 'M',
      birthDate: '2019-07-02',
      guardians: [
        {
          guardianId: 'F01-M',
          civility: 'MME',
          lastName: 'Lefèvre',
          firstName: 'Anaïs',
          link: '10',
          legalLevel: 1,
          parentalAuthority: true,
          address: { line1: '3 rue des Lilas', postalCode: '75011', commune: 'Paris', country: '100' },
        },
      ],
    },
  },
  {
    type: 'EnrolPupil',
    payload: { uai: UAI, year: Y, pupilId: 'E001', classCode: 'CM1-CM2', entryDate: '2026-09-01', formationCode: 'CM1' },
  },
  { type: 'EnrolPupil', payload: { uai: UAI, year: Y, pupilId: 'E002', classCode: 'CP-A', entryDate: '2026-09-01' } },
];

describe('the school domain over HTTP', () => {
  let t: TestApp;
  let token: string;
  beforeEach(async () => {
    t = await createTestApp();
    token = await t.token('secretariat');
    for (const command of setup) {
      await send(command).expect(200);
    }
  });
  afterEach(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const send = (command: object, ifMatch?: string) => {
    const req = http().post('/api/commands').set('Authorization', `Bearer ${token}`);
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.send(command);
  };
  const get = (path: string) => http().get(path).set('Authorization', `Bearer ${token}`);

  it('lists the classes with their set-up and head-count', async () => {
    const res = await get(`/api/establishments/${UAI}/years/${Y}/classes`).expect(200);
    expect(
      res.body.map((c: { classCode: string; formations: string[]; headCount: number; rectoratCode: string | null }) => [
        c.classCode,
        c.formations,
        c.headCount,
        c.rectoratCode,
      ]),
    ).toEqual([
      ['CM1-CM2', ['CM1', 'CM2'], 1, 'C12'],
      ['CP-A', ['CP'], 1, null],
    ]);
  });

  it('lists the pupils of the year with class, formation, status and the shared guardian', async () => {
    const res = await get(`/api/establishments/${UAI}/years/${Y}/pupils`).expect(200);
    expect(
      res.body.map((p: { pupilId: string; classCode: string; formationCode: string; status: string }) => [
        p.pupilId,
        p.classCode,
        p.formationCode,
        p.status,
      ]),
    ).toEqual([
      ['E001', 'CM1-CM2', 'CM1', 'inscrit'],
      ['E002', 'CP-A', 'CP', 'inscrit'],
    ]);
    expect(res.body[0].guardians).toEqual([
      expect.objectContaining({ guardianId: 'F01-M', firstName: 'Anaïs', link: '10', parentalAuthority: true }),
    ]);
    const guardian = await get(`/api/establishments/${UAI}/guardians/F01-M`).expect(200);
    expect(guardian.body.children.map((c: { pupilId: string }) => c.pupilId)).toEqual(['E001', 'E002']);
    const search = await get(`/api/establishments/${UAI}/years/${Y}/pupils?q=eloise`).expect(200);
    expect(search.body.map((p: { pupilId: string }) => p.pupilId)).toEqual(['E001']);
  });

  it('refuses a formation outside a multi-level class, with 409 and a French reason', async () => {
    const res = await send({
      type: 'SetPupilFormation',
      payload: { uai: UAI, year: Y, pupilId: 'E001', formationCode: 'CP', classCode: 'CM1-CM2' },
    }).expect(409);
    expect(res.body.code).toBe('formation_not_in_class');
  });

  it('serves a pupil with an ETag naming its guardians, and refuses a stale If-Match with 412', async () => {
    const first = await get(`/api/establishments/${UAI}/pupils/E001`).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toBe(`"pupil-${UAI}-E001@3|guardian-${UAI}-F01-M@1"`);
    // Someone else corrects the mother's phone (the person is shared by both children).
    await send({
      type: 'CorrectGuardian',
      payload: { uai: UAI, pupilId: 'E002', guardian: { guardianId: 'F01-M', mobile: '+33612345678' } },
    }).expect(200);
    const stale = await send(
      { type: 'CorrectPupilIdentity', payload: { uai: UAI, pupilId: 'E001', firstName: 'Éloïse-Marie' } },
      etag,
    ).expect(412);
    expect(stale.body.details).toEqual({ streamId: `guardian-${UAI}-F01-M`, actual: 2 });
    const fresh = await get(`/api/establishments/${UAI}/pupils/E001`).expect(200);
    await send(
      { type: 'CorrectPupilIdentity', payload: { uai: UAI, pupilId: 'E001', firstName: 'Éloïse-Marie' } },
      fresh.headers.etag as string,
    ).expect(200);
  });

  it('shows the past with ?asOf and the change with its author in the history', async () => {
    const head = t.kernel.store.headPosition();
    await send({
      type: 'ChangePupilClass',
      payload: { uai: UAI, year: Y, pupilId: 'E002', classCode: 'CP-A', date: '2026-10-05' },
    }).expect(409);
    await send({ type: 'CorrectPupilIdentity', payload: { uai: UAI, pupilId: 'E002', lastName: 'Lefèvre-Ménard' } }).expect(200);
    const now = await get(`/api/establishments/${UAI}/pupils/E002`).expect(200);
    expect(now.body.identity.lastName).toBe('Lefèvre-Ménard');
    const then = await get(`/api/establishments/${UAI}/pupils/E002?asOf=${head}`).expect(200);
    expect(then.body.identity.lastName).toBe('Lefèvre');
    expect(then.headers.etag).toBeUndefined();
    const listThen = await get(`/api/establishments/${UAI}/years/${Y}/pupils?asOf=${head - 1}`).expect(200);
    expect(listThen.body.map((p: { pupilId: string; status: string }) => [p.pupilId, p.status])).toEqual([['E001', 'inscrit']]);
    const history = await get(`/api/events?stream=pupil-${UAI}-E002`).expect(200);
    const correction = history.body.events.at(-1);
    expect(correction.type).toBe('PupilIdentityCorrected');
    expect(correction.metadata.actor).toBe('secretariat-test');
    expect(correction.changes).toEqual([{ field: 'identity.lastName', before: 'Lefèvre', after: 'Lefèvre-Ménard' }]);
    const pupilHistory = await get(`/api/establishments/${UAI}/pupils/E002/history`).expect(200);
    expect(pupilHistory.body.events.map((e: { type: string }) => e.type)).toEqual([
      'GuardianRegistered',
      'PupilRegistered',
      'GuardianAdded',
      'PupilEnrolled',
      'PupilIdentityCorrected',
    ]);
  });

  it('lists the records most recently changed, with their last author, from the asynchronous activity index', async () => {
    await t.kernel.projections.catchUp();
    const director = await t.token('direction');
    await http()
      .post('/api/commands')
      .set('Authorization', `Bearer ${director}`)
      .send({ type: 'CorrectPupilIdentity', payload: { uai: UAI, pupilId: 'E001', firstName: 'Léonie' } })
      .expect(200);
    // Not caught up yet: the answer says how far behind it is.
    const stale = await get(`/api/establishments/${UAI}/activity?kind=pupil`).expect(200);
    expect(stale.body.behind).toBe(1);
    await t.kernel.projections.catchUp();
    const fresh = await get(`/api/establishments/${UAI}/activity?kind=pupil`).expect(200);
    expect(fresh.body).toMatchObject({ behind: 0, position: t.kernel.store.headPosition() });
    expect(
      fresh.body.streams.map((s: { id: string; kind: string; lastType: string; lastActor: string }) => [
        s.kind,
        s.id,
        s.lastType,
        s.lastActor,
      ]),
    ).toEqual([
      ['pupil', 'E001', 'PupilIdentityCorrected', 'direction-test'],
      ['pupil', 'E002', 'PupilEnrolled', 'secretariat-test'],
    ]);
    const byDirector = await get(`/api/establishments/${UAI}/activity?actor=direction-test&limit=1`).expect(200);
    expect(byDirector.body.streams.map((s: { streamId: string }) => s.streamId)).toEqual([`pupil-${UAI}-E001`]);
    const classes = await get(`/api/establishments/${UAI}/activity?kind=class`).expect(200);
    expect(classes.body.streams.every((s: { kind: string; id: string }) => s.kind === 'class' && s.id.startsWith(`${Y}-`))).toBe(
      true,
    );
    expect((await get(`/api/establishments/${UAI}/activity?limit=0`).expect(400)).body.message).toBe(
      'paramètre limit « 0 » invalide : de 1 à 200',
    );
    await get(`/api/establishments/${UAI}/activity?kind=pupil%25`).expect(400);
  });

  it('rebuilds every read model to exactly what was built incrementally', async () => {
    await send({
      type: 'ExitPupil',
      payload: { uai: UAI, year: Y, pupilId: 'E002', exitDate: '2026-12-18', motive: '42' },
    }).expect(200);
    const paths = [
      `/api/establishments`,
      `/api/establishments/${UAI}/years`,
      `/api/establishments/${UAI}/years/${Y}/classes`,
      `/api/establishments/${UAI}/years/${Y}/pupils`,
      `/api/establishments/${UAI}/years/${Y}/nomenclature`,
      `/api/establishments/${UAI}/pupils/E001`,
      `/api/establishments/${UAI}/guardians/F01-M`,
    ];
    const before = await Promise.all(paths.map(async (p) => (await get(p).expect(200)).body));
    for (const p of t.kernel.projections.projections) await t.kernel.projections.rebuild(p.name);
    const after = await Promise.all(paths.map(async (p) => (await get(p).expect(200)).body));
    expect(after).toEqual(before);
    expect(before[3].find((p: { pupilId: string }) => p.pupilId === 'E002')).toMatchObject({
      status: 'sorti',
      exitDate: '2026-12-18',
      exitMotive: '42',
    });
  });

  it('answers 404 in French for an unknown pupil, and 400 for a malformed UAI', async () => {
    const res = await get(`/api/establishments/${UAI}/pupils/NOPE`).expect(404);
    expect(res.body.message).toBe('l’élève NOPE n’existe pas');
    await get(`/api/establishments/0752387A/years`).expect(400);
  });
});
