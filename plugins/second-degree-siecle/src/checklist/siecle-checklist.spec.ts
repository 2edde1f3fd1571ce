import { buildChecklist, CHECKLIST_WINDOWS } from '@liaison/domain';
import { FileImported, type NewEvent, type RecordedEvent, YearRolledOver } from '@liaison/events';
import { siecleChecklist } from './siecle-checklist';

const UAI = '0750680G';
const stored = (event: NewEvent, position: number, recordedAt: string): RecordedEvent => ({
  eventId: `e${position}`,
  streamId: 's',
  streamPosition: 1,
  globalPosition: position,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { actor: 'mme.durand', source: 'cli', correlationId: 'c', occurredAt: recordedAt },
  recordedAt,
});
const imported = (formatId: string, year: number, position: number, recordedAt: string) =>
  stored(
    FileImported.create({
      importId: `i${position}`,
      formatId,
      uai: UAI,
      year,
      fileName: 'Nomenclature.xml',
      sha256: '0'.repeat(64),
      size: 1,
      skippedRejected: false,
      rows: [],
      notes: [],
    }),
    position,
    recordedAt,
  );

describe('second-degree checklist', () => {
  const steps = siecleChecklist();

  it('declares the 21 steps of the seed it owns (8 and 9 belong to the livrets plugin)', () => {
    expect(steps.map((s) => s.id.split(':')[1])).toEqual([
      ...['1', '2', '3', '4', '5', '6', '7'],
      ...['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23'],
    ]);
    for (const s of steps) {
      expect(s.id).toBe(`second-degree-siecle:${s.order}`);
      expect(CHECKLIST_WINDOWS).toContain(s.window);
      expect(s.reference).toMatch(/^(Conseils = Siècle \d p\. \d+|TFA-Ouverture année p\. \d+)$/);
    }
    expect(steps.filter((s) => s.repeatable).map((s) => s.order)).toEqual([21, 22, 23]);
    expect(steps.filter((s) => s.exchangeMode).map((s) => [s.order, s.exchangeMode])).toEqual([
      [21, 'web-service'],
      [22, 'files'],
    ]);
  });

  it('is completed by the nomenclature import and the rollover of its own year', () => {
    const list = buildChecklist({
      uai: UAI,
      year: 2026,
      degree: 'second',
      steps,
      completions: [
        imported('siecle.nomenclature', 2025, 1, '2025-07-03T08:00:00.000Z'),
        imported('siecle.nomenclature', 2026, 2, '2026-07-03T08:00:00.000Z'),
        stored(
          YearRolledOver.create({
            rolloverId: 'r',
            uai: UAI,
            fromYear: 2025,
            toYear: 2026,
            openedYear: true,
            nomenclatures: [],
            classes: [],
            carried: [],
            exited: [],
          }),
          3,
          '2026-07-06T08:00:00.000Z',
        ),
      ],
      exchangeModes: [],
      ticks: [],
      today: '2026-07-10',
      asOf: 3,
    });
    const done = list.steps.filter((s) => s.status === 'done').map((s) => [s.number, s.doneOn]);
    expect(done).toEqual([
      ['7', '2026-07-03'],
      ['13', '2026-07-06'],
    ]);
    expect(list.steps.filter((s) => s.status === 'overdue').map((s) => s.number)).toEqual(['3', '4', '5', '6']);
    expect(list.steps).toHaveLength(21);
  });
});
