import { streamIds } from '@liaison/domain';
import { PRODUCED_AT, pupil, sampleHistory, snapshotOf, UAI, YEAR } from '../__fixtures__/sample-school';
import { parcoursupExporter, parcoursupPath } from './parcoursup-exporter';
import { PARCOURSUP_HEADER, writeParcoursup } from './parcoursup-writer';

describe('the Parcoursup adapter (parcoursup.notes)', () => {
  const exporter = parcoursupExporter();

  it('is an adapter: its layout is an assumption, written by one module', () => {
    expect(exporter.status).toBe('adapter');
    expect(exporter.displayName).toMatch(/adaptateur, format non public/);
  });

  it('writes one line per pupil, subject and period with a mark, keyed by SIECLE ids', async () => {
    const build = await exporter.build(snapshotOf(), { exportId: 'p', producedAt: PRODUCED_AT });
    expect(build.files.map((f) => f.path)).toEqual([parcoursupPath(UAI, YEAR)]);
    const text = Buffer.from(build.files[0]!.bytes).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(PARCOURSUP_HEADER.join(';'));
    expect(lines.slice(1, 3)).toEqual([
      '0750680G;2024;2001;;Bernard;Claire;20110019110;1A;020700;S;T1;12.50;14.25;2;Trimestre satisfaisant.',
      '0750680G;2024;2001;;Bernard;Claire;20110019110;1A;020700;S;T2;13.00;14.25;2;Trimestre satisfaisant.',
    ]);
    expect(lines).toHaveLength(1 + 8 + 1);
    expect(build.counts).toEqual({ pupils: 2, withoutLivret: 0, lines: 8 });
  });

  it('quotes fields holding a separator, a quote or a line break', () => {
    const text = Buffer.from(
      writeParcoursup([
        {
          uai: UAI,
          year: YEAR,
          eleveId: '1',
          lastName: 'A',
          firstName: 'B',
          mef: 'M',
          division: 'D',
          subjectCode: '061300',
          electionMode: 'S',
          period: 'T1',
          average: '10.00',
          appraisal: 'Bien ; "très"\nbien',
        },
      ]),
    ).toString('utf8');
    expect(text).toContain(';"Bien ; ""très""\nbien"\r\n');
  });

  it('has the same controls as the LSL file: no ELEVE_ID, no upload', () => {
    const history = [
      ...sampleHistory().filter((s) => s.streamId !== streamIds.pupil(UAI, 'P4')),
      pupil('P4', 'Bernard', 'Claire', '1A', undefined),
    ];
    expect(exporter.plan(snapshotOf(history)).blocking.map((a) => [a.entity.id, a.rule])).toEqual([['P4', 'lsl-eleve-id']]);
  });
});
