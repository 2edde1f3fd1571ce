import { buildChecklist } from '@liaison/domain';
import { ExportProduced, FileImported, type NewEvent, type RecordedEvent } from '@liaison/events';
import { createPlugin } from '../index';

const UAI = '0754321P';
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

describe('first-degree checklist', () => {
  const steps = createPlugin().checklist!;

  it('declares the five steps of the seed, in order', () => {
    expect(steps.map((s) => [s.id, s.title])).toEqual([
      ['first-degree-onde:1', 'Importation des formations du 1er degré'],
      ['first-degree-onde:2', 'Affectation des classes'],
      ['first-degree-onde:3a', 'Contrôle de la base élèves'],
      ['first-degree-onde:3b', 'Exporter la base élèves'],
      ['first-degree-onde:3c', 'Importer le fichier dans ONDE'],
    ]);
  });

  it('is completed by the formations import and the BE1D export of the year', () => {
    const completions = [
      stored(
        FileImported.create({
          importId: 'i',
          formatId: 'onde.formations',
          uai: UAI,
          year: 2026,
          fileName: 'nomenclature-1d.csv',
          sha256: '0'.repeat(64),
          size: 1,
          skippedRejected: false,
          rows: [],
          notes: [],
        }),
        3,
        '2026-09-02T07:00:00.000Z',
      ),
      stored(
        ExportProduced.create({
          exportId: 'x',
          formatId: 'onde.be1d',
          uai: UAI,
          year: 2026,
          asOf: 9,
          producedAt: '2026-10-01T08:00:00.000Z',
          files: [{ name: `BE1D/${UAI}/${UAI}.zip`, sha256: '0'.repeat(64), size: 1 }],
          counts: {},
        }),
        10,
        '2026-10-01T08:00:00.000Z',
      ),
    ];
    const list = buildChecklist({
      uai: UAI,
      year: 2026,
      degree: 'first',
      steps,
      completions,
      exchangeModes: [],
      ticks: [],
      today: '2026-10-05',
      asOf: 10,
    });
    expect(list.steps.map((s) => [s.number, s.status, s.doneOn])).toEqual([
      ['1', 'done', '2026-09-02'],
      ['2', 'open', undefined],
      ['3a', 'open', undefined],
      ['3b', 'done', '2026-10-01'],
      ['3c', 'open', undefined],
    ]);
  });
});
