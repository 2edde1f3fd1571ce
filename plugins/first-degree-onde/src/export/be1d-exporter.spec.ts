import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import { brokenSample, PRODUCED_AT, sampleSnapshot, UAI } from '../__fixtures__/sample-school';
import { runInChild } from '../__fixtures__/ts-child';
import { readCsv } from '../csv/csv-reader';
import { createPlugin } from '../index';
import { labelTables } from '../options';
import { be1dExporter } from './be1d-exporter';
import { CHILD_COLUMNS, GUARDIAN_COLUMNS, PUPIL_COLUMNS } from './columns';

const GOLDEN = path.resolve(__dirname, '../__golden__');
const context = { exportId: 'exp-1', producedAt: PRODUCED_AT };
const exporter = be1dExporter(labelTables());

async function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) files.set(name, Buffer.from(await zip.file(name)!.async('uint8array')));
  return files;
}

const build = async () => exporter.build(sampleSnapshot(), context);

describe('onde.be1d: the <UAI>.zip', () => {
  it('is one file BE1D/<UAI>/<UAI>.zip holding eleves.csv then responsables.csv', async () => {
    const { files, counts } = await build();
    expect(files.map((f) => f.path)).toEqual([`BE1D/${UAI}/${UAI}.zip`]);
    const zip = await JSZip.loadAsync(files[0]!.bytes);
    expect(Object.keys(zip.files)).toEqual(['eleves.csv', 'responsables.csv']);
    expect(counts).toEqual({ pupils: 4, guardians: 5, excluded: 2 });
  });

  it('matches the golden eleves.csv and responsables.csv byte for byte', async () => {
    const files = await unzip((await build()).files[0]!.bytes);
    for (const name of ['eleves.csv', 'responsables.csv']) {
      const golden = path.join(GOLDEN, name);
      // UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, files.get(name)!);
      expect(existsSync(golden)).toBe(true);
      expect(files.get(name)!.equals(readFileSync(golden))).toBe(true);
    }
  });

  it('writes ISO-8859-15 (accents and Œ), CRLF, no BOM, the exact headers and minimal quoting', async () => {
    const files = await unzip((await build()).files[0]!.bytes);
    const pupils = files.get('eleves.csv')!;
    expect(pupils.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = iconv.decode(pupils, 'iso-8859-15');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(PUPIL_COLUMNS.join(';'));
    expect(lines[0]).toContain(';Pays2; Cycle;Niveau;');
    expect(text).toContain('LEFÈVRE;;Éloïse;14/03/2020;F;070832327JA');
    // Œ is 0xBC in ISO-8859-15 (it is ¼ in Latin-1): the writer must not fall back to Latin-1.
    expect(pupils.includes(Buffer.from([0x4d, 0x41, 0x52, 0x54, 0x49, 0x4e, 0x2d, 0x43, 0xbc, 0x55, 0x52]))).toBe(true);
    expect(text).toContain('"8 place du Marché; entrée ""cour"""');
    const records = readCsv(text);
    for (const r of records) expect(r.fields).toHaveLength(PUPIL_COLUMNS.length);

    const guardians = iconv.decode(files.get('responsables.csv')!, 'iso-8859-15');
    const rows = readCsv(guardians);
    expect(rows[0]!.fields).toEqual([...GUARDIAN_COLUMNS, ...CHILD_COLUMNS, ...CHILD_COLUMNS]);
    for (const r of rows) expect(r.fields).toHaveLength(12 + 2 * 6);
    expect(guardians).toContain('MME;;CŒUR;Bénédicte;');
    expect(guardians).toContain(';LEFÈVRE;Éloïse;CP Mme Lefort;MERE;Oui;;LEFÈVRE;Jules;MS Mme Noël;MERE;Oui\r\n');
  });

  it('prints codes as labels and the exited pupil with his Date radiation', async () => {
    const text = iconv.decode((await unzip((await build()).files[0]!.bytes)).get('eleves.csv')!, 'iso-8859-15');
    const rows = readCsv(text).map((r) => Object.fromEntries(PUPIL_COLUMNS.map((c, i) => [c, r.fields[i]])));
    const lucas = rows.find((r) => r['Prénom élève'] === 'Lucas')!;
    expect(lucas).toMatchObject({
      ' Cycle': 'CYCLE III',
      Niveau: 'CM1',
      LV1: 'ESPAGNOL',
      'Type contrat': "CONTRAT D'ASSOCIATION",
      'Code niveau': 'CM1',
      'Code classe': 'CE2CM1',
      'Dispositif(s)': 'ULIS,PAP',
      'Date radiation': '10/02/2027',
    });
    const moussa = rows.find((r) => r['Prénom élève'] === 'Moussa')!;
    expect(moussa).toMatchObject({
      'Pays naissance': 'SENEGAL',
      'Dept naissance': '',
      LV2: 'ALLEMAND',
      Pays2: 'SENEGAL',
      'Code école origine': '0931434D',
      'Date radiation': '',
    });
    const jules = rows.find((r) => r['Prénom élève'] === 'Jules')!;
    expect(jules[' Cycle']).toBe('CYCLE I');
  });

  it('writes typographic punctuation as its plain equivalent', async () => {
    const s = brokenSample();
    s.guardians.G3!.person!.address.line1 = '3 rue de l’Église — escalier C…';
    const text = iconv.decode(
      (await unzip((await exporter.build(s, context)).files[0]!.bytes)).get('eleves.csv')!,
      'iso-8859-15',
    );
    expect(text).toContain(";3 rue de l'Église - escalier C...;93200;");
  });

  it('takes its label tables from the plugin options', async () => {
    const plugin = createPlugin({ labels: { cycleLabels: { '1': 'MATERNELLE', '2': 'CYCLE II', '3': 'CYCLE III' } } });
    const text = iconv.decode(
      (await unzip((await plugin.exporters![0]!.build(sampleSnapshot(), context)).files[0]!.bytes)).get('eleves.csv')!,
      'iso-8859-15',
    );
    expect(text).toContain(';MATERNELLE;MS;');
  });

  it('gives the same bytes for the same snapshot and context', async () => {
    const a = (await build()).files[0]!.bytes;
    const b = (await build()).files[0]!.bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('dates every entry with producedAt as a clock in Paris reads it, whatever the machine’s time zone', async () => {
    const snippet = `
      const { sampleSnapshot, PRODUCED_AT } = require('./sample-school.ts');
      const { be1dExporter } = require('../export/be1d-exporter.ts');
      const { labelTables } = require('../options.ts');
      be1dExporter(labelTables())
        .build(sampleSnapshot(), { exportId: 'exp-1', producedAt: PRODUCED_AT })
        .then((built) => print(new Date(0).getTimezoneOffset() + ' ' + Buffer.from(built.files[0].bytes).toString('base64')));
    `;
    const [offsetA, zipA] = runInChild(snippet, { TZ: 'Pacific/Kiritimati' }).split(' ');
    const [offsetB, zipB] = runInChild(snippet, { TZ: 'America/Los_Angeles' }).split(' ');
    expect(offsetA).not.toBe(offsetB); // the two processes really ran in different zones
    const a = Buffer.from(zipA!, 'base64');
    expect(a.equals(Buffer.from(zipB!, 'base64'))).toBe(true);
    expect(a.equals(Buffer.from((await build()).files[0]!.bytes))).toBe(true);
    // jszip reads a DOS time back into a Date's UTC fields: they hold the Paris wall clock.
    expect(PRODUCED_AT).toBe('2027-03-15T10:30:42.000Z');
    const zip = await JSZip.loadAsync(a);
    for (const name of ['eleves.csv', 'responsables.csv']) {
      expect(zip.files[name]!.date.toISOString()).toBe('2027-03-15T11:30:42.000Z'); // UTC+1 in March
    }
    // Local file headers: DEFLATE (method 8 at offset 8) for both entries.
    const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    const methods: number[] = [];
    for (let at = a.indexOf(signature); at >= 0; at = a.indexOf(signature, at + 4)) methods.push(a.readUInt16LE(at + 8));
    expect(methods).toEqual([8, 8]);
  });

  it('dates a summer export in Paris summer time, on the Paris day', async () => {
    // 22:15 UTC on 30 June = 00:15 on 1 July in Paris (UTC+2).
    const summer = await exporter.build(sampleSnapshot(), { ...context, producedAt: '2027-06-30T22:15:00Z' });
    const zip = await JSZip.loadAsync(summer.files[0]!.bytes);
    expect(zip.files['eleves.csv']!.date.toISOString()).toBe('2027-07-01T00:15:00.000Z');
  });

  it('changes its bytes when the data or the date change', async () => {
    const other = (await exporter.build(sampleSnapshot(), { ...context, producedAt: '2027-03-16T10:30:42.000Z' })).files[0]!
      .bytes;
    expect(Buffer.from(other).equals(Buffer.from((await build()).files[0]!.bytes))).toBe(false);
  });

  it('plans: the control’s errors block, its warnings do not, with the counts', () => {
    const plan = exporter.plan(sampleSnapshot());
    expect(plan.blocking).toEqual([]);
    expect(plan.warnings.map((w) => w.rule)).toEqual(['eleve-ine-absent']);
    expect(plan.counts).toEqual({ pupils: 4, guardians: 5, excluded: 2 });
    const broken = brokenSample();
    delete broken.classes[0]!.rectoratCode;
    expect(exporter.plan(broken).blocking.map((a) => a.rule)).toEqual(['classe-code-rectorat']);
  });

  it('leaves the refusal to plan: build renders what it has (a recorded export stays replayable)', async () => {
    const broken = brokenSample();
    delete broken.classes[0]!.rectoratCode;
    const text = iconv.decode(
      (await unzip((await exporter.build(broken, context)).files[0]!.bytes)).get('eleves.csv')!,
      'iso-8859-15',
    );
    expect(text).toContain(";CONTRAT D'ASSOCIATION;CM1;;10/02/2027\r\n");
  });

  it('refuses, in French, a character the file cannot hold, naming the pupil and field', async () => {
    const broken = brokenSample();
    broken.pupils.find((p) => p.pupilId === 'E001')!.identity!.firstName = 'Łucja';
    expect(exporter.plan(broken).blocking.map((a) => a.rule)).toEqual(['caractere-hors-latin9']);
    await expect(async () => exporter.build(broken, context)).rejects.toThrow(
      'eleves.csv : caractère « Ł » (U+0141) impossible à écrire en ISO-8859-15 — LEFÈVRE Łucja (CP Mme Lefort), champ identity.firstName ; corrigez la saisie (ex. « ł » → « l »)',
    );
  });
});
