import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { liaison, tempDir } from '../support/cli';

const UAI = '0754321P';
const fixture = (name: string) => join(__dirname, '../fixtures', name);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface ControlJson {
  anomalies: Array<{ entity: { id: string; label: string }; message: string; severity: string }>;
  excluded: Array<{ pupilId: string }>;
  counts: { compliant: number; nonCompliant: number };
}

describe('a first-degree school year through the CLI: nomenclature, control, export, INE integration', () => {
  let t: ReturnType<typeof tempDir>;
  const run = (args: string[], input?: string) =>
    liaison([...args, '--db', t.db], { cwd: t.dir, env: { LIAISON_ACTOR: 'mme.durand' }, ...(input ? { input } : {}) });

  beforeAll(() => {
    t = tempDir();
  });
  afterAll(() => t.cleanup());

  it('runs the seed procedure end to end', async () => {
    expect(run(['exec', fixture('onde-setup.jsonl')]).status).toBe(0);

    // 1. Formations and languages from the shipped default nomenclature.
    const nomenclature = run(['import', 'onde.formations', '--uai', UAI, '--year', '2026']);
    expect(nomenclature.status).toBe(0);
    expect(nomenclature.stdout).toContain('Import des langues réussi');
    expect(run(['exec', fixture('onde-classes-pupils.jsonl')]).status).toBe(0);

    // 2. The control names each faulty pupil and class, and blocks.
    const failing = run(['control', 'first-degree-onde', '--uai', UAI, '--year', '2026', '--json']);
    expect(failing.status).toBe(3);
    const report = JSON.parse(failing.stdout) as ControlJson;
    const faulty = new Set(report.anomalies.filter((a) => a.severity === 'error').map((a) => a.entity.id));
    expect(faulty).toEqual(new Set(['E2', 'CM1-CM2']));
    expect(report.anomalies.map((a) => a.message).join('\n')).toMatch(/naissance/);
    expect(report.excluded.map((e) => e.pupilId)).toEqual(['E4']);
    const text = run(['control', 'first-degree-onde', '--uai', UAI, '--year', '2026']);
    expect(text.stdout).toContain('MÉNARD Noé');
    expect(text.stdout).toMatch(/Élève\(s\) non conforme\(s\) : [1-9]/);

    // 3. The export is refused while anomalies remain, and writes nothing.
    const blocked = run(['export', 'onde.be1d', '--uai', UAI, '--year', '2026', '--yes']);
    expect(blocked.status).toBe(3);
    expect(existsSync(join(t.dir, 'Export'))).toBe(false);

    // 4. Fixes, then a passing control.
    expect(run(['exec', fixture('onde-fixes.jsonl')]).status).toBe(0);
    const passing = run(['control', 'first-degree-onde', '--uai', UAI, '--year', '2026', '--json']);
    expect(passing.status).toBe(0);
    expect((JSON.parse(passing.stdout) as ControlJson).counts).toMatchObject({ compliant: 3, nonCompliant: 0 });

    // 5. The export, at Export/BE1D/<UAI>/<UAI>.zip, holding exactly the compliant pupils.
    const exported = run(['export', 'onde.be1d', '--uai', UAI, '--year', '2026', '--yes', '--json']);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const manifest = JSON.parse(exported.stdout) as { asOf: number; paths: string[]; files: Array<{ sha256: string }> };
    const zipPath = join(t.dir, 'Export', 'BE1D', UAI, `${UAI}.zip`);
    expect(manifest.paths).toEqual([zipPath]);
    const zipBytes = readFileSync(zipPath);
    expect(sha256(zipBytes)).toBe(manifest.files[0]!.sha256);
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files)).toEqual(['eleves.csv', 'responsables.csv']);
    const eleves = iconv.decode(await zip.file('eleves.csv')!.async('nodebuffer'), 'ISO-8859-15');
    const lines = eleves.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;/);
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 3).join(' '))).toEqual(
      expect.arrayContaining(['LEFÈVRE  Éloïse', 'MÉNARD  Noé', 'GIRAUD  Chloé']),
    );
    expect(lines).toHaveLength(4);
    expect(eleves).not.toContain('Zoé');

    // 6. The same export as of the same position gives the same SHA-256.
    const replay = run(['export', 'onde.be1d', '--uai', UAI, '--year', '2026', '--as-of', String(manifest.asOf), '--json']);
    expect(replay.status).toBe(0);
    const replayed = JSON.parse(replay.stdout) as { paths: string[]; files: Array<{ sha256: string }> };
    expect(replayed.files[0]!.sha256).toBe(manifest.files[0]!.sha256);
    expect(replayed.paths[0]).toBe(join(t.dir, 'Export', `as-of-${manifest.asOf}`, 'BE1D', UAI, `${UAI}.zip`));

    // 7. INE integration from an ONDE extraction (ISO-8859-1, as ONDE writes it).
    const extraction = [
      "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE; Cycle;Niveau;Libellé classe",
      'LEFEVRE;;Eloïse;14/03/2019;F;070832327JA;CYCLE II;CP;CP Mme Béranger',
      'MENARD;;Noé;02/07/2016;M;060375611AC;CYCLE III;CM1;CM1-CM2 M. Noël',
      'DURAND;;Paul;01/01/2016;M;097000000KH;CYCLE III;CM2;CM1-CM2 M. Noël',
    ].join('\r\n');
    const file = join(t.dir, 'CSVExtraction.csv');
    writeFileSync(file, iconv.encode(extraction, 'ISO-8859-1'));
    const ines = run(['import', 'onde.extraction', file, '--uai', UAI, '--year', '2026', '--json']);
    expect(ines.status).toBe(0);
    const inesReport = JSON.parse(ines.stdout) as { status: string; counts: Record<string, number> };
    expect(inesReport).toMatchObject({ status: 'imported', counts: { update: 2, unmatched: 1 } });
    const history = JSON.parse(run(['history', '--json', '--type', 'NationalIdAssigned']).stdout) as Array<{
      streamId: string;
      metadata: { source: string; actor: string };
    }>;
    expect(history.map((e) => [e.streamId, e.metadata.source, e.metadata.actor])).toEqual([
      [`pupil-${UAI}-E1`, 'import:onde.extraction', 'mme.durand'],
      [`pupil-${UAI}-E2`, 'import:onde.extraction', 'mme.durand'],
    ]);
    const head = (JSON.parse(run(['history', '--json']).stdout) as unknown[]).length;
    const again = run(['import', 'onde.extraction', file, '--uai', UAI, '--year', '2026']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('déjà été importé');
    expect((JSON.parse(run(['history', '--json']).stdout) as unknown[]).length).toBe(head);
  });
});
