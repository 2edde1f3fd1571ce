import {
  ChecklistStepTicked,
  ChecklistStepUnticked,
  ExchangeModeSet,
  ExportProduced,
  FileImported,
  type NewEvent,
  type RecordedEvent,
} from '@liaison/events';
import { type ChecklistStep } from './checklist-step';
import { buildChecklist, type ChecklistSources } from './checklist-view';
import { completedByExport, completedByImport } from './completions';
import { dueDateOf } from './due-dates';

const UAI = '0750680G';
let position = 0;
/** A stored event, recorded at `recordedAt` by `actor`. */
function recorded(event: NewEvent, recordedAt: string, actor = 'mme.durand', streamId = 'x'): RecordedEvent {
  position += 1;
  return {
    eventId: `e${position}`,
    streamId,
    streamPosition: 1,
    globalPosition: position,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor, source: 'cli', correlationId: 'c', occurredAt: recordedAt },
    recordedAt,
  };
}

const imported = (formatId: string, year: number) =>
  FileImported.create({
    importId: `imp-${formatId}`,
    formatId,
    uai: UAI,
    year,
    fileName: 'Nomenclature.xml',
    sha256: '0'.repeat(64),
    size: 1,
    skippedRejected: false,
    rows: [],
    notes: [],
  });
const exported = (formatId: string, year: number, exportId: string) =>
  ExportProduced.create({
    exportId,
    formatId,
    uai: UAI,
    year,
    asOf: 1,
    producedAt: '2026-10-01T08:00:00.000Z',
    files: [{ name: 'f.zip', sha256: '0'.repeat(64), size: 1 }],
    counts: {},
  });

const steps: ChecklistStep[] = [
  {
    id: 'second-degree-siecle:23',
    order: 23,
    title: 'Contrôle de l’intégration des élèves dans la BEE',
    window: 'De la mi-septembre à fin mai',
    repeatable: true,
  },
  { id: 'second-degree-siecle:1', order: 1, title: 'Bascule d’année dans STSweb', window: 'Dès que possible' },
  { id: 'second-degree-siecle:3', order: 3, title: 'Profilage des nomenclatures dans SIECLE', window: 'Avant début juillet' },
  {
    id: 'second-degree-siecle:7',
    order: 7,
    title: 'Importation des nomenclatures et structures',
    window: 'Après la bascule d’année',
    completedBy: completedByImport('siecle.nomenclature', 'import de Nomenclature.xml'),
  },
  {
    id: 'second-degree-siecle:21',
    order: 21,
    title: 'Cas n° 1 : avec le web service',
    window: 'De la mi-septembre à fin mai',
    repeatable: true,
    exchangeMode: 'web-service',
    completedBy: completedByExport('siecle.import-prive', 'envoi des élèves'),
  },
  {
    id: 'second-degree-siecle:22',
    order: 22,
    title: 'Cas n° 2 : sans le web service',
    window: 'De la mi-septembre à fin mai',
    repeatable: true,
    exchangeMode: 'files',
    completedBy: completedByExport('siecle.import-prive', 'envoi des élèves'),
  },
];

const sources = (fields: Partial<ChecklistSources>): ChecklistSources => ({
  uai: UAI,
  year: 2026,
  degree: 'second',
  steps,
  completions: [],
  exchangeModes: [],
  ticks: [],
  today: '2026-06-15',
  asOf: 1000,
  ...fields,
});
const entry = (list: ReturnType<typeof buildChecklist>, n: string) => list.steps.find((s) => s.number === n)!;
const tick = (stepId: string, doneOn: string, actor: string) =>
  recorded(ChecklistStepTicked.create({ uai: UAI, year: 2026, stepId, doneOn }), `${doneOn}T09:00:00.000Z`, actor);

describe('dueDateOf — the windows of PRODUCT.md', () => {
  it.each([
    ['Avant début juillet', '2026-07-01'],
    ['Avant le 14 juillet', '2026-07-14'],
    ['Avant la rentrée', '2026-09-01'],
    ['Début septembre', '2026-09-15'],
    ['De la mi-septembre à fin mai', '2027-05-31'],
    ['Dès que possible', undefined],
    ['Après la bascule d’année', undefined],
    ['Après envoi EVA', undefined],
  ] as const)('%s → %s', (window, due) => expect(dueDateOf(window, 2026)).toBe(due));
});

describe('buildChecklist', () => {
  it('lists the steps in order, open, with their due dates', () => {
    const list = buildChecklist(sources({}));
    expect(list.steps.map((s) => [s.number, s.status, s.dueDate])).toEqual([
      ['1', 'open', undefined],
      ['3', 'open', '2026-07-01'],
      ['7', 'open', undefined],
      ['21', 'not-applicable', '2027-05-31'],
      ['22', 'open', '2027-05-31'],
      ['23', 'open', '2027-05-31'],
    ]);
    expect(list.exchangeMode).toBe('files');
  });

  it('marks a step done on the Paris date of its completing event, for the checklist’s year only', () => {
    const list = buildChecklist(
      sources({
        completions: [
          recorded(imported('siecle.nomenclature', 2025), '2025-06-20T08:00:00.000Z'),
          // 23:30 UTC on 30 June is 1 July in Paris.
          recorded(imported('siecle.nomenclature', 2026), '2026-06-30T23:30:00.000Z', 'm.noel'),
        ],
      }),
    );
    expect(entry(list, '7')).toMatchObject({
      status: 'done',
      doneOn: '2026-07-01',
      completedBy: 'import de Nomenclature.xml',
      occurrences: [
        { how: 'event', actor: 'm.noel', eventType: 'FileImported', detail: 'import siecle.nomenclature — Nomenclature.xml' },
      ],
    });
  });

  it('shows a ticked external step with its user and date', () => {
    const list = buildChecklist(sources({ ticks: [tick('second-degree-siecle:1', '2026-05-04', 'mme.durand')] }));
    expect(entry(list, '1')).toMatchObject({
      status: 'done',
      doneOn: '2026-05-04',
      occurrences: [{ how: 'tick', actor: 'mme.durand', doneOn: '2026-05-04', tick: 1 }],
    });
  });

  it('flags a step overdue the day after its due date', () => {
    expect(entry(buildChecklist(sources({ today: '2026-07-01' })), '3').status).toBe('open');
    expect(entry(buildChecklist(sources({ today: '2026-07-02' })), '3').status).toBe('overdue');
    expect(buildChecklist(sources({ today: '2026-07-02' })).counts).toEqual({
      done: 0,
      open: 4,
      overdue: 1,
      'not-applicable': 1,
    });
  });

  it('makes only the alternative of the exchange mode due, and credits each send to the mode in force', () => {
    const files = recorded(exported('siecle.import-prive', 2026, 'exp-1'), '2026-10-02T08:00:00.000Z');
    const toWebService = recorded(ExchangeModeSet.create({ uai: UAI, mode: 'web-service' }), '2026-11-01T08:00:00.000Z');
    const web = recorded(exported('siecle.import-prive', 2026, 'exp-2'), '2026-12-02T08:00:00.000Z');
    const list = buildChecklist(sources({ completions: [files, web], exchangeModes: [toWebService], today: '2027-01-10' }));
    expect(list.exchangeMode).toBe('web-service');
    expect(entry(list, '21')).toMatchObject({ applicable: true, status: 'done', doneOn: '2026-12-02' });
    expect(entry(list, '21').occurrences.map((o) => o.detail)).toEqual(['export siecle.import-prive — exp-2']);
    expect(entry(list, '22')).toMatchObject({ applicable: false, status: 'not-applicable' });
    expect(entry(list, '22').occurrences.map((o) => o.detail)).toEqual(['export siecle.import-prive — exp-1']);
  });

  it('keeps every occurrence of a repeatable step, in date order, and drops an unticked one', () => {
    const ticks = [
      tick('second-degree-siecle:23', '2026-10-15', 'mme.durand'),
      tick('second-degree-siecle:23', '2027-01-20', 'm.noel'),
      tick('second-degree-siecle:23', '2026-12-10', 'mme.durand'),
      recorded(
        ChecklistStepUnticked.create({
          uai: UAI,
          year: 2026,
          stepId: 'second-degree-siecle:23',
          occurrence: 2,
          doneOn: '2027-01-20',
        }),
        '2027-01-21T08:00:00.000Z',
      ),
    ];
    const step23 = entry(buildChecklist(sources({ ticks })), '23');
    expect(step23.occurrences.map((o) => [o.doneOn, o.actor, o.tick])).toEqual([
      ['2026-10-15', 'mme.durand', 1],
      ['2026-12-10', 'mme.durand', 2],
    ]);
    // « Fait le » of a repeatable step: its latest occurrence.
    expect(step23.doneOn).toBe('2026-12-10');
  });
});
