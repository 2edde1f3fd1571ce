import request from 'supertest';
import {
  completedByExport,
  completedByImport,
  type LiaisonPlugin,
  parisDateOf,
  PLUGIN_API_VERSION,
  pupilsOfYear,
} from '@liaison/domain';
import { createTestApp, type TestApp } from '../testing/test-app';

const UAI = '0750680G';
const Y = 2026;

/**
 * A small second-degree plugin: a nomenclature import (step 7), a pupil send (steps 21/22 by
 * exchange mode), and steps done outside Liaison (3 with a due date, 1 without, 23 repeated).
 */
function collegePlugin(): LiaisonPlugin {
  return {
    manifest: {
      id: 'test-college',
      degree: 'second',
      displayName: 'Collège (test)',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'tcol_',
    },
    importers: [
      {
        formatId: 'test.nomenclature',
        displayName: 'Nomenclature',
        status: 'adapter',
        parse: (_bytes, context) => ({
          rows: [
            {
              ref: 'MEF 10010012110',
              outcome: 'create',
              subject: '6EME',
              commands: [
                {
                  type: 'DeclareFormations',
                  payload: {
                    uai: context.uai,
                    year: context.year,
                    source: 'test',
                    entries: [{ code: '10010012110', label: '6EME' }],
                  },
                },
              ],
            },
          ],
          notes: [],
        }),
      },
    ],
    exporters: [
      {
        formatId: 'test.send',
        displayName: 'Envoi',
        status: 'adapter',
        plan: (s) => ({ blocking: [], warnings: [], counts: { pupils: pupilsOfYear(s).length } }),
        build: (s) => ({ files: [{ path: `SEND/${s.uai}.txt`, bytes: Buffer.from(`${s.asOf}\n`) }], counts: {} }),
      },
    ],
    checklist: [
      {
        id: 'test-college:23',
        order: 23,
        title: 'Contrôle de l’intégration des élèves dans la BEE',
        window: 'De la mi-septembre à fin mai',
        repeatable: true,
      },
      { id: 'test-college:1', order: 1, title: 'Bascule d’année dans STSweb', window: 'Dès que possible' },
      { id: 'test-college:3', order: 3, title: 'Profilage des nomenclatures dans SIECLE', window: 'Avant début juillet' },
      {
        id: 'test-college:7',
        order: 7,
        title: 'Importation des nomenclatures et structures dans Liaison',
        window: 'Après la bascule d’année',
        completedBy: completedByImport('test.nomenclature', 'import de la nomenclature'),
      },
      {
        id: 'test-college:21',
        order: 21,
        title: 'Cas n° 1 : avec le web service',
        window: 'De la mi-septembre à fin mai',
        repeatable: true,
        exchangeMode: 'web-service',
        completedBy: completedByExport('test.send', 'envoi des élèves'),
      },
      {
        id: 'test-college:22',
        order: 22,
        title: 'Cas n° 2 : sans le web service',
        window: 'De la mi-septembre à fin mai',
        repeatable: true,
        exchangeMode: 'files',
        completedBy: completedByExport('test.send', 'envoi des élèves'),
      },
    ],
  };
}

interface Entry {
  stepId: string;
  number: string;
  status: string;
  dueDate?: string;
  doneOn?: string;
  applicable: boolean;
  occurrences: Array<{ how: string; actor: string; doneOn: string; tick?: number; detail?: string }>;
}
interface ChecklistBody {
  exchangeMode: string;
  steps: Entry[];
}

describe('the yearly checklist over HTTP', () => {
  let t: TestApp;
  let token: string;
  const api = () => request(t.app.getHttpServer());
  const send = (type: string, payload: Record<string, unknown>) =>
    api().post('/api/commands').set('Authorization', `Bearer ${token}`).send({ type, payload });
  const checklist = async (query = '') => {
    const res = await api()
      .get(`/api/establishments/${UAI}/years/${Y}/checklist${query}`)
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body as ChecklistBody;
  };
  const step = (body: ChecklistBody, n: string) => body.steps.find((s) => s.number === n)!;

  beforeEach(async () => {
    t = await createTestApp({ plugins: [collegePlugin()] });
    token = await t.token('direction');
    await t.kernel.pipeline.executeBatch(
      [
        {
          type: 'RegisterEstablishment',
          payload: { uai: UAI, name: 'Collège Saint-Louis', degree: 'second', contract: 'association' },
        },
        { type: 'OpenYear', payload: { uai: UAI, year: Y } },
      ],
      { actor: 'installation', source: 'test' },
    );
  });
  afterEach(() => t.close());

  it('shows the import of the nomenclature as step 7, a ticked step with its user, and the open steps in order', async () => {
    const report = await t.kernel.imports.run({
      formatId: 'test.nomenclature',
      uai: UAI,
      year: Y,
      file: { name: 'Nomenclature.xml', bytes: new Uint8Array(Buffer.from('<x/>')) },
      skipRejected: false,
      actor: 'mme.durand',
    });
    const imported = t.kernel.store.readAll({
      after: Math.max(...report.positions) - 1,
      upTo: Math.max(...report.positions),
    })[0]!;
    expect((await send('TickChecklistStep', { uai: UAI, year: Y, stepId: 'test-college:1', doneOn: '2026-05-12' })).status).toBe(
      200,
    );

    const body = await checklist('?today=2026-06-15');
    expect(body.steps.map((s) => [s.number, s.status, s.dueDate ?? null])).toEqual([
      ['1', 'done', null],
      ['3', 'open', '2026-07-01'],
      ['7', 'done', null],
      ['21', 'not-applicable', '2027-05-31'],
      ['22', 'open', '2027-05-31'],
      ['23', 'open', '2027-05-31'],
    ]);
    expect(step(body, '7')).toMatchObject({
      doneOn: parisDateOf(imported.recordedAt),
      occurrences: [{ how: 'event', actor: 'mme.durand', detail: 'import test.nomenclature — Nomenclature.xml' }],
    });
    expect(step(body, '1')).toMatchObject({
      doneOn: '2026-05-12',
      occurrences: [{ how: 'tick', actor: 'direction-test', tick: 1 }],
    });

    // After 1 July, step 3 is overdue; time travel shows the list before the tick.
    expect(step(await checklist('?today=2026-07-02'), '3').status).toBe('overdue');
    expect(step(await checklist(`?asOf=${imported.globalPosition}`), '1').status).toBe('open');
  });

  it('makes due only the alternative of the exchange mode, keeps every occurrence of a repeated step, and unticks', async () => {
    const produce = () =>
      t.kernel.exports.produce({ formatId: 'test.send', uai: UAI, year: Y, outDir: t.dir, actor: 'mme.durand', source: 'test' });
    await produce();
    expect((await send('SetExchangeMode', { uai: UAI, mode: 'web-service' })).status).toBe(200);
    await produce();
    let body = await checklist('?today=2027-06-01');
    expect(body.exchangeMode).toBe('web-service');
    expect(step(body, '21')).toMatchObject({ applicable: true, status: 'done' });
    expect(step(body, '21').occurrences).toHaveLength(1);
    expect(step(body, '22')).toMatchObject({ applicable: false, status: 'not-applicable' });
    expect(step(body, '23').status).toBe('overdue');

    for (const doneOn of ['2026-10-15', '2026-12-10', '2027-02-01']) {
      expect((await send('TickChecklistStep', { uai: UAI, year: Y, stepId: 'test-college:23', doneOn })).status).toBe(200);
    }
    expect((await send('UntickChecklistStep', { uai: UAI, year: Y, stepId: 'test-college:23', occurrence: 2 })).status).toBe(200);
    body = await checklist('?today=2027-06-01');
    expect(step(body, '23').occurrences.map((o) => [o.doneOn, o.tick])).toEqual([
      ['2026-10-15', 1],
      ['2027-02-01', 2],
    ]);
    expect(step(body, '23')).toMatchObject({ status: 'done', doneOn: '2027-02-01' });

    // Refusals: a step no plugin declares, a second tick of a single step at another date, an untick of an untouched step.
    const unknown = await send('TickChecklistStep', { uai: UAI, year: Y, stepId: 'test-college:99', doneOn: '2026-05-12' });
    expect(unknown.status).toBe(409);
    expect(unknown.body.message).toContain('n’existe pas');
    await send('TickChecklistStep', { uai: UAI, year: Y, stepId: 'test-college:1', doneOn: '2026-05-12' });
    expect((await send('TickChecklistStep', { uai: UAI, year: Y, stepId: 'test-college:1', doneOn: '2026-05-13' })).status).toBe(
      409,
    );
    expect((await send('UntickChecklistStep', { uai: UAI, year: Y, stepId: 'test-college:3' })).status).toBe(409);
  });

  it('refuses an unknown establishment and a malformed today', async () => {
    expect(
      (await api().get(`/api/establishments/0754321P/years/${Y}/checklist`).set('Authorization', `Bearer ${token}`)).status,
    ).toBe(409);
    expect(
      (await api().get(`/api/establishments/${UAI}/years/${Y}/checklist?today=demain`).set('Authorization', `Bearer ${token}`))
        .status,
    ).toBe(400);
  });
});
