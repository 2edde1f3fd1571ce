import { DEFAULT_SNAPSHOT_TIME, emptySnapshot, snapshotFromEvents } from '@liaison/domain/testing';
import { classStream, PRODUCED_AT, sampleHistory, UAI, YEAR } from './__fixtures__/sample-school';

// snapshotFromEvents lives in @liaison/domain/testing; its first user checks it here.
describe('snapshotFromEvents', () => {
  it('folds each core stream into the snapshot the server would build', () => {
    const s = snapshotFromEvents(UAI, YEAR, sampleHistory(), { time: PRODUCED_AT });
    expect(s.establishment).toMatchObject({ registered: true, degree: 'first', name: 'École Sainte-Thérèse' });
    expect(s.schoolYear.opened).toBe(true);
    expect(Object.keys(s.schoolYear.formations)).toHaveLength(9);
    expect(s.classes.map((c) => c.classCode)).toEqual(['CE2CM1', 'CP', 'MS']);
    expect(s.pupils.map((p) => p.pupilId)).toEqual(['E001', 'E002', 'E003', 'E004', 'E005', 'E006']);
    expect(Object.keys(s.guardians).sort()).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6']);
    expect(s.pupils[0]!.guardians.G1).toEqual({ link: '10', legalLevel: 1, parentalAuthority: true });
    expect(s.asOfTime).toBe(PRODUCED_AT);
    expect(s.asOf).toBe(sampleHistory().reduce((n, h) => n + h.events.length, 0));
  });

  it('keeps to the year and the establishment, and concatenates a stream given twice', () => {
    const history = [
      ...sampleHistory(),
      classStream('OLD', 'Ancienne', ['CP'], 'OLD', YEAR - 1),
      classStream('CP', 'ignored', [], 'X'),
    ];
    const s = snapshotFromEvents(UAI, YEAR, history);
    expect(s.classes.map((c) => c.classCode)).toEqual(['CE2CM1', 'CP', 'MS']);
    // ClassCreated twice folds as the later label; the formations of both histories stay.
    expect(s.classes[1]).toMatchObject({ label: 'ignored', formations: ['CP'] });
    expect(s.asOfTime).toBe(DEFAULT_SNAPSHOT_TIME);
    expect(snapshotFromEvents('0750680G', YEAR, sampleHistory()).pupils).toEqual([]);
  });

  it('gives an empty snapshot for nothing', () => {
    expect(emptySnapshot(UAI, YEAR)).toMatchObject({
      uai: UAI,
      year: YEAR,
      asOf: 0,
      classes: [],
      pupils: [],
      guardians: {},
      establishment: { registered: false },
    });
  });
});
