import request from 'supertest';
import { type LiaisonPlugin, PLUGIN_API_VERSION, pupilsOfYear } from '@liaison/domain';
import { createTestApp, type TestApp } from '../testing/test-app';

const UAI = '0752387M';
const Y = 2026;
const ref = { uai: UAI, year: Y };

/** One line per exported pupil: name and class. */
function listPlugin(): LiaisonPlugin {
  return {
    manifest: { id: 'test-list', degree: 'first', displayName: 'Liste', apiVersion: PLUGIN_API_VERSION, tablePrefix: 'tlst_' },
    exporters: [
      {
        formatId: 'test.list',
        displayName: 'Liste',
        status: 'adapter',
        plan: (s) => ({ blocking: [], warnings: [], counts: { pupils: pupilsOfYear(s).length } }),
        build: (s) => ({
          files: [
            {
              path: `LIST/${s.uai}.txt`,
              bytes: Buffer.from(
                pupilsOfYear(s)
                  .map((p) => `${p.identity!.lastName};${p.identity!.firstName};${p.years[Y]?.classCode}`)
                  .join('\n'),
              ),
            },
          ],
          counts: {},
        }),
      },
    ],
  };
}

describe('the export ledger over HTTP: changes by pupil and class, preview, diff', () => {
  let t: TestApp;
  const get = async (path: string) =>
    request(t.app.getHttpServer())
      .get(path)
      .set('Authorization', `Bearer ${await t.token('direction')}`);
  const as = (actor: string, type: string, payload: Record<string, unknown>) =>
    t.kernel.pipeline.execute({ type, payload }, { actor, source: 'http' });
  const produce = () =>
    t.kernel.exports.produce({ formatId: 'test.list', ...ref, outDir: t.dir, actor: 'direction', source: 'http' });

  beforeEach(async () => {
    t = await createTestApp({ plugins: [listPlugin()] });
    await t.kernel.pipeline.executeBatch(
      [
        { type: 'RegisterEstablishment', payload: { uai: UAI, name: 'École', degree: 'first', contract: 'association' } },
        { type: 'OpenYear', payload: ref },
        { type: 'CreateClass', payload: { ...ref, classCode: 'CP', label: 'CP' } },
        { type: 'CreateClass', payload: { ...ref, classCode: 'CE1', label: 'CE1' } },
        ...['E1', 'E2'].flatMap((pupilId) => [
          {
            type: 'RegisterPupil',
            payload: { uai: UAI, pupilId, lastName: 'Faure', firstName: pupilId, sex: 'F', birthDate: '2019-01-02' },
          },
          { type: 'EnrolPupil', payload: { ...ref, pupilId, classCode: 'CP', entryDate: '2026-09-01' } },
        ]),
      ],
      { actor: 'installation', source: 'test' },
    );
  });
  afterEach(() => t.close());

  it('groups the changes an export carries by pupil and class, previews the next one and diffs two', async () => {
    const first = await produce();
    await as('m.noel', 'ChangePupilClass', { ...ref, pupilId: 'E1', classCode: 'CE1', date: '2026-10-01' });
    await as('mme.faure', 'CodeClass', { ...ref, classCode: 'CE1', rectoratCode: 'CE1A' });
    await as('mme.faure', 'RegisterPupil', {
      uai: UAI,
      pupilId: 'E3',
      lastName: 'Giraud',
      firstName: 'Chloé',
      sex: 'F',
      birthDate: '2019-04-01',
    });
    await as('mme.faure', 'EnrolPupil', { ...ref, pupilId: 'E3', classCode: 'CE1', entryDate: '2026-10-02' });

    const preview = await get(`/api/exports/preview/test.list?uai=${UAI}&year=${Y}`);
    expect(preview.status).toBe(200);
    expect(preview.body.previous.exportId).toBe(first.manifest.exportId);
    expect(preview.body.diff.pupils.added).toEqual([{ pupilId: 'E3', name: 'GIRAUD Chloé' }]);

    const second = await produce();
    const changes = await get(`/api/exports/${second.manifest.exportId}/changes`);
    expect(changes.status).toBe(200);
    expect(changes.body.events).toHaveLength(4);
    expect(
      changes.body.bySubject.pupils.map((p: { pupilId: string; classCode: string; changes: Array<{ actor: string }> }) => [
        p.pupilId,
        p.classCode,
        p.changes.map((c) => c.actor),
      ]),
    ).toEqual([
      ['E1', 'CE1', ['m.noel']],
      ['E3', 'CE1', ['mme.faure', 'mme.faure']],
    ]);
    expect(changes.body.bySubject.classes).toEqual([
      {
        classCode: 'CE1',
        label: 'CE1',
        changes: [
          expect.objectContaining({
            actor: 'mme.faure',
            type: 'ClassCoded',
            changes: [{ field: 'rectoratCode', after: 'CE1A' }],
          }),
        ],
        pupils: ['E1', 'E3'],
      },
    ]);

    const diff = await get(`/api/exports/${first.manifest.exportId}/diff/${second.manifest.exportId}`);
    expect(diff.status).toBe(200);
    expect(diff.body.diff.pupils).toMatchObject({
      added: [{ pupilId: 'E3' }],
      removed: [],
      changed: [{ pupilId: 'E1', fields: [{ field: 'year.classCode', before: 'CP', after: 'CE1' }] }],
    });
    expect(diff.body.diff.classes.changed).toEqual([{ classCode: 'CE1', fields: [{ field: 'rectoratCode', after: 'CE1A' }] }]);
    expect((await get(`/api/exports/${first.manifest.exportId}/diff/nope`)).status).toBe(409);
  });
});
