import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, liaison, startServer, tempDir } from '../support/cli';
import { xsdErrors } from '../support/xsd';
import { referenceXsd } from './livrets-fixtures';

const COLLEGE = '0754322R';
const YEAR = 2026;

interface Manifest {
  paths: string[];
  counts: Record<string, number>;
}

/**
 * `liaison demo` holds a collège term with assessments and a classe de première: both livrets
 * exports produce files the official schemas accept, straight from the demo, and they complete
 * steps 8 and 9 of the next rentrée's checklist.
 */
describe('the livrets on the demo data', () => {
  let t: ReturnType<typeof tempDir>;
  const run = (args: string[]) =>
    liaison([...args, '--db', t.db], {
      cwd: t.dir,
      env: { LIAISON_ACTOR: 'secretariat.nguyen', LIAISON_DEMO_TODAY: '2027-06-20' },
    });
  beforeAll(() => {
    t = tempDir();
    const demo = run(['demo', '--json']);
    expect(demo.status).toBe(0);
    const outcome = JSON.parse(demo.stdout) as { currentYear: number; pluginCommands: Record<string, number> };
    expect(outcome.currentYear).toBe(YEAR);
    expect(outcome.pluginCommands['second-degree-livrets']).toBeGreaterThan(100);
  });
  afterAll(() => t.cleanup());

  it.each([
    ['lsu.bilans', referenceXsd('lsu', 'import-bilan-complet.xsd'), 'periodicBilans'],
    ['lsl.livret', referenceXsd('lsl', 'import-lsl_1.xsd'), 'pupils'],
  ])('%s: a file valid against the official XSD, from the demo as it is', async (format, xsd, counted) => {
    const exported = run(['export', format, '--uai', COLLEGE, '--year', String(YEAR), '--yes', '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const manifest = JSON.parse(exported.stdout) as Manifest;
    expect(manifest.counts[counted]).toBeGreaterThan(10);
    expect(await xsdErrors(xsd, format, readFileSync(manifest.paths[0]!))).toEqual([]);
  });

  it('takes the same assessments through POST /api/commands, with the rules as 409 in French', async () => {
    // Exports go under the test's folder, never into the repository.
    const server = await startServer(t.db, freePort(), { LIAISON_EXPORT_DIR: join(t.dir, 'Export') });
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'secretariat', password: 'demo' }),
      });
      const { token } = (await login.json()) as { token: string };
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const pupils = (await (
        await fetch(`${server.url}/api/establishments/${COLLEGE}/years/${YEAR}/pupils?classCode=3A&status=inscrit`, { headers })
      ).json()) as Array<{ pupilId: string }>;
      const assess = (changes: Record<string, unknown>) =>
        fetch(`${server.url}/api/commands`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            type: 'RecordSubjectAssessment',
            payload: {
              uai: COLLEGE,
              year: YEAR,
              pupilId: pupils[0]!.pupilId,
              classCode: '3A',
              period: 'T2',
              subjectCode: '020700',
              electionMode: 'S',
              teacherIds: ['51001'],
              positioning: 3,
              appraisal: 'Des progrès nets à l’écrit.',
              ...changes,
            },
          }),
        });
      const unknownSubject = await assess({ subjectCode: '999999' });
      expect(unknownSubject.status).toBe(409);
      expect(await unknownSubject.json()).toMatchObject({ code: 'subject_unknown', message: expect.stringContaining('999999') });
      const unknownTeacher = await assess({ teacherIds: ['99999'] });
      expect(unknownTeacher.status).toBe(409);
      expect(await unknownTeacher.json()).toMatchObject({ code: 'teacher_unknown', message: expect.stringContaining('99999') });
      const otherDivision = await assess({ classCode: '6A' });
      expect(otherDivision.status).toBe(409);
      expect(await otherDivision.json()).toMatchObject({ code: 'pupil_not_in_division' });
      const exported = await fetch(`${server.url}/api/exports/lsu.bilans`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ uai: COLLEGE, year: YEAR }),
      });
      expect(exported.status).toBe(200);
      const { exportId } = (await exported.json()) as { exportId: string };
      const accepted = await assess({});
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({ streamId: `livret-${COLLEGE}-${YEAR}-${pupils[0]!.pupilId}` });
      // What the next LSU file will carry, filed under the pupil with its author.
      const since = (await (await fetch(`${server.url}/api/exports/${exportId}/changes?since=1`, { headers })).json()) as {
        bySubject: { pupils: Array<{ pupilId: string; changes: Array<{ type: string; actor: string }> }> };
      };
      expect(since.bySubject.pupils).toEqual([
        expect.objectContaining({
          pupilId: pupils[0]!.pupilId,
          changes: [expect.objectContaining({ type: 'LivretSubjectAssessed', actor: 'secretariat' })],
        }),
      ]);
    } finally {
      await server.stop();
    }
  });
});
