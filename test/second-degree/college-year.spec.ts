import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { liaison, repoRoot, tempDir } from '../support/cli';
import { IMPORT_PRIVE_XSD, xsdErrors } from '../support/xsd';
import { elevesSansAdresses, type ImportReport as Report } from '../support/siecle-files';

const UAI = '0750680G';
const fixture = (name: string) => join(__dirname, '../fixtures', name);
const nomenclature = resolve(
  repoRoot,
  '../shared/reference/siecle/bee-exports/nomenclature/lycee-arago-0750680G/Nomenclature-2018-19.xml',
);

describe('a collège year with SIECLE through the CLI', () => {
  let t: ReturnType<typeof tempDir>;
  const run = (args: string[]) => liaison([...args, '--db', t.db], { cwd: t.dir, env: { LIAISON_ACTOR: 'secretariat.nguyen' } });
  beforeAll(() => (t = tempDir()));
  afterAll(() => t.cleanup());

  it('imports the real nomenclature, sends the pupils in a file valid against XSD 3.1, and reconciles the next SIECLE export', async () => {
    expect(run(['exec', fixture('college-setup.jsonl')]).status).toBe(0);
    const nomenclatureImport = run(['import', 'siecle.nomenclature', nomenclature, '--uai', UAI, '--year', '2018', '--json']);
    expect(nomenclatureImport.status).toBe(0);
    expect((JSON.parse(nomenclatureImport.stdout) as Report).status).toBe('imported');
    const classes = run(['exec', fixture('college-year.jsonl')]);
    expect(classes.stderr).toBe('');
    expect(classes.status).toBe(0);

    // The start-of-year head-count, as the secretary reads it and as JSON.
    const count = run(['report', 'siecle.effectifs', '--uai', UAI, '--year', '2018', '--param', 'date=2018-10-01']);
    expect(count.status).toBe(0);
    expect(count.stdout).toContain('Effectifs 0750680G 2018-2019 au 01/10/2018 : 3 (1 garçon, 2 filles)');
    const counted = JSON.parse(
      run(['report', 'siecle.effectifs', '--uai', UAI, '--year', '2018', '--param', 'date=2018-09-02', '--json']).stdout,
    ) as { data: { date: string; total: { total: number } } };
    expect(counted.data).toMatchObject({ date: '2018-09-02', total: { total: 0 } });
    const badDate = run(['report', 'siecle.effectifs', '--uai', UAI, '--year', '2018', '--param', 'date=2019-10-01']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('hors de l’année scolaire 2018-2019');

    const control = run(['control', 'second-degree-siecle', '--uai', UAI, '--year', '2018']);
    expect(control.status).toBe(0);

    const exported = run(['export', 'siecle.import-prive', '--uai', UAI, '--year', '2018', '--yes', '--json']);
    expect(exported.status).toBe(0);
    const manifest = JSON.parse(exported.stdout) as { paths: string[]; files: Array<{ name: string }> };
    expect(manifest.files[0]!.name).toMatch(new RegExp(`^SIECLE/${UAI}/${UAI}PRIVE2018\\d{12}\\.zip$`));
    const zip = await JSZip.loadAsync(readFileSync(manifest.paths[0]!));
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(1);
    expect(names[0]).toBe(
      manifest.files[0]!.name.split('/')
        .pop()!
        .replace(/\.zip$/, '.xml'),
    );
    const xml = await zip.file(names[0]!)!.async('nodebuffer');
    expect(await xsdErrors(IMPORT_PRIVE_XSD, names[0]!, xml)).toEqual([]);
    const text = iconv.decode(xml, 'ISO-8859-15');
    expect(text).toContain('Cœurdacier');

    // SIECLE integrated two of the three pupils: the next export says so, per pupil.
    const assigned = JSON.parse(run(['history', '--json', '--type', 'SieclePupilIdsAssigned']).stdout) as Array<{
      data: { ids: Array<{ pupilId: string; privateId: number }> };
    }>;
    const privateIdOf = (pupilId: string) => assigned.flatMap((e) => e.data.ids).find((a) => a.pupilId === pupilId)?.privateId;
    expect([privateIdOf('P1'), privateIdOf('P2'), privateIdOf('P3')]).toEqual([1, 2, 3]);
    const file = join(t.dir, 'ElevesSansAdresses.xml');
    writeFileSync(
      file,
      elevesSansAdresses([
        {
          eleveId: '1001',
          privateId: privateIdOf('P1')!,
          ine: '070832327JA',
          last: 'LEFEVRE',
          first: 'Eloïse',
          birth: '14/03/2004',
          mef: '10310019110',
          division: '3A',
        },
        {
          eleveId: '1002',
          privateId: privateIdOf('P2')!,
          ine: '060375611AC',
          last: 'MENARD',
          first: 'Noé',
          birth: '02/07/2004',
          mef: '10310019110',
          division: '3A',
        },
      ]),
    );
    const reconciliation = run(['import', 'siecle.eleves', file, '--uai', UAI, '--year', '2018', '--json']);
    expect(reconciliation.status).toBe(0);
    const report = JSON.parse(reconciliation.stdout) as Report;
    const missing = report.rows.filter((r) => /absent de SIECLE/i.test(`${r.message ?? ''} ${r.ref}`));
    expect(missing.map((r) => r.subject).join(' ')).toMatch(/Zoé|CŒURDACIER|Cœurdacier|P3/);
    const integrated = report.rows.filter((r) => /intégré/i.test(`${r.message ?? ''} ${r.ref}`));
    expect(integrated).toHaveLength(2);
  });
});
