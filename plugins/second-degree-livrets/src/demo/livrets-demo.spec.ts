import { type Command, streamIds } from '@liaison/domain';
import { stream } from '@liaison/domain/testing';
import { EstablishmentRegistered } from '@liaison/events';
import { referenceStreamId } from '@liaison/plugin-second-degree-siecle/events';
import { applyCommands } from '../__fixtures__/apply-commands';
import { PRODUCED_AT, sampleHistory, snapshotOf, UAI, YEAR } from '../__fixtures__/sample-school';
import { LSL_XSD_2016, LSU_XSD_2020, xsdErrors } from '../__fixtures__/xsd-validate';
import { lslExporter } from '../lsl/lsl-exporter';
import { lsuExporter } from '../lsu/lsu-exporter';
import { livretsDemo } from './livrets-demo';

const base = () => sampleHistory().filter((s) => !s.streamId.startsWith('livret'));
const NOW = '2024-11-20T10:00:00.000Z';
const demo = (history = base(), now = NOW) => livretsDemo(snapshotOf(history), { now, seed: 42 });
const datesOf = (commands: Command[]) =>
  commands.flatMap((c) => {
    const p = c.payload as Record<string, unknown>;
    return [p.councilDate, p.date].filter((d): d is string => typeof d === 'string');
  });

describe('the livrets’ part of the demo', () => {
  it('gives the collège’s first term, the 3e’s end-of-cycle bilans and the premières’ marks', () => {
    const commands = demo();
    const count = (type: string, classCode?: string) =>
      commands.filter(
        (c) => c.type === type && (classCode === undefined || (c.payload as { classCode: string }).classCode === classCode),
      ).length;
    // 3A: 2 pupils × 3 services; 6A: 1 pupil × 2; 1A: 2 pupils × 3.
    expect([
      count('RecordSubjectAssessment', '3A'),
      count('RecordSubjectAssessment', '6A'),
      count('RecordSubjectAssessment', '1A'),
    ]).toEqual([6, 2, 6]);
    expect([count('RecordPeriodSynthesis'), count('RecordAttendance')]).toEqual([5, 5]);
    expect(count('RecordCycleBilan')).toBe(2);
    expect(count('RecordExamOpinion')).toBe(2);
    // The pre-enrolled pupil, and pupils without ELEVE_ID, get nothing.
    expect(commands.some((c) => (c.payload as { pupilId?: string }).pupilId === 'P6')).toBe(false);
    expect(
      commands
        .filter((c) => c.type === 'RecordSubjectAssessment' && (c.payload as { classCode: string }).classCode === '1A')
        .every((c) => 'average' in (c.payload as object)),
    ).toBe(true);
  });

  it('is deterministic and never dated after « now »', () => {
    expect(demo()).toEqual(demo());
    const dates = datesOf(demo());
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d <= '2024-11-20')).toBe(true);
    expect(datesOf(demo(base(), '2025-06-25T08:00:00.000Z'))).toEqual(expect.arrayContaining(['2024-12-05', '2025-06-20']));
  });

  it('passes the commands’ rules, and makes exports LSU and LSL accept', async () => {
    const history = applyCommands(base(), demo());
    const snapshot = snapshotOf(history);
    const context = { exportId: 'demo', producedAt: PRODUCED_AT };
    const lsu = lsuExporter();
    expect(lsu.plan(snapshot).blocking).toEqual([]);
    expect(await xsdErrors((await lsu.build(snapshot, context)).files[0]!.bytes, LSU_XSD_2020)).toEqual([]);
    const lsl = lslExporter();
    expect(lsl.plan(snapshot).blocking).toEqual([]);
    expect(await xsdErrors((await lsl.build(snapshot, context)).files[0]!.bytes, LSL_XSD_2016)).toEqual([]);
  });

  it('adds nothing without SIECLE’s subjects and teachers, for another year, or for the first degree', () => {
    expect(demo(base().filter((s) => s.streamId !== referenceStreamId(UAI, YEAR)))).toEqual([]);
    expect(demo(base(), '2026-01-10T10:00:00.000Z')).toEqual([]);
    const withoutTeachers = [
      ...base().filter((s) => s.streamId !== referenceStreamId(UAI, YEAR)),
      stream(referenceStreamId(UAI, YEAR)),
    ];
    expect(demo(withoutTeachers)).toEqual([]);
    const ecole = [
      ...base().filter((s) => s.streamId !== streamIds.establishment(UAI)),
      stream(
        streamIds.establishment(UAI),
        EstablishmentRegistered.create({ uai: UAI, name: 'École', degree: 'first', contract: 'association' }),
      ),
    ];
    expect(demo(ecole)).toEqual([]);
  });
});
