import request from 'supertest';
import { createTestApp, type TestApp } from '../testing/test-app';

const UAI = '0752387M';
const Y = 2026;
const ref = { uai: UAI, year: Y };

describe('POST /api/establishments/:uai/years/:year/rollover', () => {
  let t: TestApp;
  const post = async (body: unknown, role: 'direction' | 'lecture' = 'direction') =>
    request(t.app.getHttpServer())
      .post(`/api/establishments/${UAI}/years/${Y}/rollover`)
      .set('Authorization', `Bearer ${await t.token(role)}`)
      .send(body as object);

  beforeEach(async () => {
    t = await createTestApp();
    await t.kernel.pipeline.executeBatch(
      [
        {
          type: 'RegisterEstablishment',
          payload: { uai: UAI, name: 'École Saint-Éloi', degree: 'first', contract: 'association' },
        },
        { type: 'OpenYear', payload: ref },
        {
          type: 'DeclareFormations',
          payload: { ...ref, source: 'test', entries: ['CP', 'CE1'].map((code) => ({ code, label: code })) },
        },
        { type: 'CreateClass', payload: { ...ref, classCode: 'CP', label: 'CP' } },
        { type: 'AssignFormation', payload: { ...ref, classCode: 'CP', formationCode: 'CP' } },
        ...['E1', 'E2'].flatMap((pupilId) => [
          {
            type: 'RegisterPupil',
            payload: { uai: UAI, pupilId, lastName: 'Faure', firstName: pupilId, sex: 'F', birthDate: '2019-01-02' },
          },
          { type: 'EnrolPupil', payload: { ...ref, pupilId, classCode: 'CP', entryDate: '2026-09-01' } },
        ]),
        { type: 'PlanNextYear', payload: { ...ref, pupilId: 'E1', decision: 'passage' } },
      ],
      { actor: 'installation', source: 'test' },
    );
  });
  afterEach(() => t.close());

  it('answers 409 with the plan while a pupil has no plan, and writes nothing', async () => {
    const head = t.kernel.store.headPosition();
    const res = await post({ dryRun: false });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'blocked', code: 'rollover_blocked', plan: { withoutPlan: [{ pupilId: 'E2' }] } });
    expect(t.kernel.store.headPosition()).toBe(head);
  });

  it('runs as the logged-in user with the rollover as source, and a lecture account may not', async () => {
    await t.kernel.pipeline.execute(
      { type: 'PlanNextYear', payload: { ...ref, pupilId: 'E2', decision: 'redoublement' } },
      { actor: 'installation', source: 'test' },
    );
    expect((await post({}, 'lecture')).status).toBe(403);
    expect((await post({ dryRun: 'oui' })).status).toBe(400);
    const res = await post({ carryClasses: true });
    expect(res.status).toBe(200);
    expect(res.body.plan.moves.map((m: { pupilId: string; to: unknown }) => [m.pupilId, m.to])).toEqual([
      ['E1', { status: 'preinscrit', formationCode: 'CE1' }],
      ['E2', { status: 'preinscrit', formationCode: 'CP' }],
    ]);
    const events = t.kernel.store.readAll({ after: Math.min(...(res.body.positions as number[])) - 1 });
    expect(new Set(events.map((e) => `${e.metadata.actor}/${e.metadata.source}/${e.metadata.correlationId}`))).toEqual(
      new Set([`direction-test/rollover/${res.body.rolloverId}`]),
    );
    expect((await post({ carryClasses: true })).body).toMatchObject({ applied: false, plan: { commands: [] } });
  });
});
