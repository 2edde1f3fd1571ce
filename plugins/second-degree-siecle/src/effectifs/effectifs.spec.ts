import { type SchoolSnapshot } from '@liaison/domain';
import { sampleSnapshot, snapshotOf, YEAR } from '../export/__fixtures__/sample-college';
import { countDate, effectifs } from './effectifs';
import { effectifsCsv } from './effectifs-csv';
import { effectifsExporter } from './effectifs-exporter';
import { effectifsReport } from './effectifs-report';

const at = (time: string): SchoolSnapshot => ({ ...sampleSnapshot(), asOfTime: time });

describe('effectifs(snapshot)', () => {
  it('counts per MEF and per division at the snapshot’s date, boys and girls apart', () => {
    // 15 January 2027: Hugo (P004) left on 8 January, Inès (P005) is pre-enrolled.
    const e = effectifs(sampleSnapshot());
    expect(e.date).toBe('2027-01-15');
    expect(e.total).toEqual({ total: 3, boys: 1, girls: 2 });
    expect(e.byMef).toEqual([
      { mef: '10010012110', label: '6EME', total: 1, boys: 0, girls: 1 },
      { mef: '10110001110', label: '5EME', total: 1, boys: 1, girls: 0 },
      { mef: '10210001110', label: '4EME', total: 0, boys: 0, girls: 0 },
      { mef: '10310019110', label: '3EME', total: 1, boys: 0, girls: 1 },
    ]);
    expect(e.byDivision.map((d) => [d.classCode, d.division, d.total, d.byMef.map((m) => [m.mef, m.total])])).toEqual([
      [
        '43U',
        '4-3ULIS',
        1,
        [
          ['10210001110', 0],
          ['10310019110', 1],
        ],
      ],
      ['5A', '5A', 1, [['10110001110', 1]]],
      ['6A', '6A', 1, [['10010012110', 1]]],
    ]);
    expect([e.withoutMef, e.preEnrolled]).toEqual([0, 1]);
  });

  it('counts a pupil until the day they leave, and from the day they enter', () => {
    expect(effectifs(at('2027-01-07T12:00:00Z')).total.total).toBe(4);
    expect(effectifs(at('2027-01-08T12:00:00Z')).total.total).toBe(3);
    // Chloé (P003) entered on 3 September.
    expect(effectifs(at('2026-09-02T12:00:00Z')).total.total).toBe(3);
  });

  it('counts the coming rentrée (1 September) when taken before the year, its last day after it', () => {
    expect(countDate(at('2026-06-20T10:00:00Z'))).toBe('2026-09-01');
    expect(countDate(at('2027-10-01T10:00:00Z'))).toBe('2027-08-31');
    // Paris day, not UTC: 31 August 23:30 UTC is 1 September in Paris.
    expect(countDate(at('2026-08-31T23:30:00Z'))).toBe('2026-09-01');
  });

  it('puts pupils whose MEF is unknown on a line of their own', () => {
    const s = structuredClone(sampleSnapshot());
    delete s.pupils.find((p) => p.pupilId === 'P003')!.years[YEAR]!.formationCode;
    const e = effectifs(s);
    expect(e.withoutMef).toBe(1);
    expect(e.byMef[0]).toEqual({ mef: '', total: 1, boys: 0, girls: 1 });
    expect(
      effectifsExporter()
        .plan(s)
        .warnings.map((w) => w.rule),
    ).toEqual(['effectif-sans-mef']);
  });
});

describe('siecle.effectifs', () => {
  const exporter = effectifsExporter();

  it('writes SIECLE/<UAI>/effectifs-<YYYY>.csv: UTF-8 with BOM, « ; », CRLF', async () => {
    const built = await exporter.build(sampleSnapshot(), { exportId: 'e', producedAt: '2027-01-15T15:22:23.000Z' });
    expect(built.files.map((f) => f.path)).toEqual(['SIECLE/0753999P/effectifs-2026.csv']);
    const bytes = Buffer.from(built.files[0]!.bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        'Date;Type;Division;Libellé division;MEF;Libellé MEF;Effectif;Garçons;Filles',
        '15/01/2027;MEF;;;10010012110;6EME;1;0;1',
        '15/01/2027;MEF;;;10110001110;5EME;1;1;0',
        '15/01/2027;MEF;;;10210001110;4EME;0;0;0',
        '15/01/2027;MEF;;;10310019110;3EME;1;0;1',
        '15/01/2027;DIVISION;4-3ULIS;4e-3e ULIS;;;1;0;1',
        '15/01/2027;DIVISION_MEF;4-3ULIS;4e-3e ULIS;10210001110;4EME;0;0;0',
        '15/01/2027;DIVISION_MEF;4-3ULIS;4e-3e ULIS;10310019110;3EME;1;0;1',
        '15/01/2027;DIVISION;5A;5e A;;;1;1;0',
        '15/01/2027;DIVISION_MEF;5A;5e A;10110001110;5EME;1;1;0',
        '15/01/2027;DIVISION;6A;6e A;;;1;0;1',
        '15/01/2027;DIVISION_MEF;6A;6e A;10010012110;6EME;1;0;1',
        '15/01/2027;TOTAL;;;;;3;1;2',
        '',
      ].join('\r\n'),
    );
    expect(built.counts).toEqual({ pupils: 3, divisions: 3, mefs: 4 });
  });

  it('quotes a label holding « ; »', () => {
    const s = structuredClone(sampleSnapshot());
    s.classes.find((c) => c.classCode === '6A')!.label = '6e A; bilangue';
    const csv = Buffer.from(effectifsCsv(effectifs(s))).toString('utf8');
    expect(csv).toContain('15/01/2027;DIVISION;6A;"6e A; bilangue";;;1;0;1');
  });

  it('is blocked only by a year that is not opened', () => {
    expect(exporter.plan(sampleSnapshot()).blocking).toEqual([]);
    const s = structuredClone(sampleSnapshot());
    s.establishment.contract = 'simple';
    s.pupils.find((p) => p.pupilId === 'P001')!.ine = '070876696HA';
    expect(exporter.plan(s).blocking).toEqual([]);
    s.schoolYear.opened = false;
    expect(exporter.plan(s).blocking.map((a) => [a.rule, a.message])).toEqual([
      ['annee-non-ouverte', 'L’année 2026-2027 n’est pas ouverte : aucun effectif à compter'],
    ]);
    expect(exporter.plan(snapshotOf([])).blocking).toHaveLength(1);
  });

  it('is an adapter, with the same bytes for the same snapshot', async () => {
    expect(exporter.status).toBe('adapter');
    const a = await exporter.build(sampleSnapshot(), { exportId: 'a', producedAt: 'x' });
    const b = await exporter.build(sampleSnapshot(), { exportId: 'b', producedAt: 'y' });
    expect(Buffer.from(a.files[0]!.bytes).equals(Buffer.from(b.files[0]!.bytes))).toBe(true);
  });
});

describe('siecle.effectifs report (JSON)', () => {
  const report = effectifsReport();

  it('gives the same figures as the CSV export, at the snapshot’s day by default', () => {
    expect(report.run(sampleSnapshot(), {})).toEqual(effectifs(sampleSnapshot()));
  });

  it('counts at the date asked, read from the same state', () => {
    const e = report.run(sampleSnapshot(), { date: '2027-01-07' }) as ReturnType<typeof effectifs>;
    expect([e.date, e.total.total]).toEqual(['2027-01-07', 4]);
  });

  it('refuses a malformed date or one outside the school year, in French', () => {
    expect(() => report.run(sampleSnapshot(), { date: '07/01/2027' })).toThrow('paramètre date « 07/01/2027 » invalide');
    expect(() => report.run(sampleSnapshot(), { date: '2028-01-07' })).toThrow('hors de l’année scolaire 2026-2027');
  });
});
