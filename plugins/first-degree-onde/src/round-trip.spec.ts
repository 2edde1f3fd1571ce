import JSZip from 'jszip';
import { PRODUCED_AT, sampleSnapshot, UAI, YEAR } from './__fixtures__/sample-school';
import { createPlugin } from './index';
import { readPupilExtraction } from './extraction/extraction-reader';

// Columns 1–22 of our eleves.csv are ONDE's own extraction header: our reader takes our file.
describe('round trip: the export read back as an ONDE extraction', () => {
  it('finds every exported pupil, with accents, and each INE already in place', async () => {
    const plugin = createPlugin();
    const snapshot = sampleSnapshot();
    const zip = (await plugin.exporters![0]!.build(snapshot, { exportId: 'rt', producedAt: PRODUCED_AT })).files[0]!.bytes;
    const eleves = await (await JSZip.loadAsync(zip)).file('eleves.csv')!.async('uint8array');
    const extraction = readPupilExtraction(eleves);
    expect(extraction.encoding).toBe('iso-8859-15');
    expect(extraction.pupils.map((p) => `${p.lastName} ${p.firstName} ${p.birthDate} ${p.ine ?? '-'}`)).toEqual([
      'MARTIN Lucas 2016-11-20 0113014881M',
      "N'DIAYE Moussa 2017-05-02 -",
      'LEFÈVRE Éloïse 2020-03-14 070832327JA',
      'LEFÈVRE Jules 2022-01-30 123456789FJ',
    ]);
    const plan = await plugin.importers![1]!.parse(eleves, { uai: UAI, year: YEAR, fileName: 'eleves.csv', snapshot });
    expect(plan.rows.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });
});
