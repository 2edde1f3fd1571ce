import { readFileSync } from 'node:fs';
import { liaison, tempDir } from '../support/cli';
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
});
