import {
  ChecklistStepTicked,
  ChecklistStepUnticked,
  type EventData,
  ExchangeModeSet,
  ExportProduced,
  FileImported,
  type RecordedEvent,
  YearRolledOver,
} from '@liaison/events';
import { type Degree, type ExchangeMode } from '../establishment/establishment-state';
import { parisDateOf } from '../values';
import { type ChecklistStep, type ChecklistWindow, stepNumberOf, stepPluginOf } from './checklist-step';
import { dueDateOf } from './due-dates';

/** One time a step was done: by an event Liaison recorded, or by a user's tick. */
export interface ChecklistOccurrence {
  /** « Fait le »: the Europe/Paris date of the event's `recordedAt`, or the tick's `doneOn`. */
  doneOn: string;
  how: 'event' | 'tick';
  actor: string;
  source: string;
  position: number;
  recordedAt: string;
  /** The completing event's type, and what it was (« import siecle.nomenclature — Nomenclature.xml »). */
  eventType?: string;
  detail?: string;
  /** A tick's rank among the step's ticks: what `UntickChecklistStep.occurrence` names. */
  tick?: number;
}

export type ChecklistStatus = 'done' | 'open' | 'overdue' | 'not-applicable';

export interface ChecklistEntry {
  stepId: string;
  plugin: string;
  /** The seed's number: `7`, `3b`. */
  number: string;
  order: number;
  title: string;
  reference?: string;
  window?: ChecklistWindow;
  note?: string;
  dueDate?: string;
  repeatable: boolean;
  /** For an alternative (21/22): the exchange mode it belongs to. */
  exchangeMode?: ExchangeMode;
  /** False for the alternative of the other exchange mode: it is not due. */
  applicable: boolean;
  status: ChecklistStatus;
  /** « Fait le »: the first occurrence, or the latest one for a repeatable step. */
  doneOn?: string;
  occurrences: ChecklistOccurrence[];
  /** What completes the step in Liaison (absent: only a tick does). */
  completedBy?: string;
}

export interface Checklist {
  uai: string;
  year: number;
  degree: Degree;
  exchangeMode: ExchangeMode;
  asOf: number;
  /** The day overdue steps are judged against. */
  today: string;
  steps: ChecklistEntry[];
  counts: Record<ChecklistStatus, number>;
}

export interface ChecklistSources {
  uai: string;
  year: number;
  degree: Degree;
  /** The steps of the plugins of the establishment's degree, in any order. */
  steps: readonly ChecklistStep[];
  /** The establishment's events of the steps' completing types, in log order. */
  completions: readonly RecordedEvent[];
  /** The establishment's `ExchangeModeSet` events, in log order. */
  exchangeModes: readonly RecordedEvent[];
  /** The events of `checklist-<UAI>-<year>`, in order. */
  ticks: readonly RecordedEvent[];
  today: string;
  asOf: number;
}

/** The mode in force right after `position`: the last one set by then, else files (the default). */
function modeAt(changes: readonly RecordedEvent[], position: number): ExchangeMode {
  let mode: ExchangeMode = 'files';
  for (const e of changes) {
    if (e.type !== ExchangeModeSet.type || e.globalPosition > position) continue;
    mode = (e.data as EventData<typeof ExchangeModeSet>).mode;
  }
  return mode;
}

/** What a completing event was, for the screen. */
export function describeCompletion(event: RecordedEvent): string {
  switch (event.type) {
    case FileImported.type: {
      const d = event.data as EventData<typeof FileImported>;
      return `import ${d.formatId} — ${d.fileName}`;
    }
    case ExportProduced.type: {
      const d = event.data as EventData<typeof ExportProduced>;
      return `export ${d.formatId} — ${d.exportId}`;
    }
    case YearRolledOver.type: {
      const d = event.data as EventData<typeof YearRolledOver>;
      return `bascule de ${d.fromYear}-${d.fromYear + 1} vers ${d.toYear}-${d.toYear + 1}`;
    }
    default:
      return event.type;
  }
}

/** The standing ticks of each step, with who ticked them, from the checklist stream. */
function standingTicks(events: readonly RecordedEvent[]): Map<string, ChecklistOccurrence[]> {
  const ticks = new Map<string, ChecklistOccurrence[]>();
  for (const e of events) {
    if (e.type === ChecklistStepTicked.type) {
      const d = e.data as EventData<typeof ChecklistStepTicked>;
      const occurrence: ChecklistOccurrence = {
        doneOn: d.doneOn,
        how: 'tick',
        actor: e.metadata.actor,
        source: e.metadata.source,
        position: e.globalPosition,
        recordedAt: e.recordedAt,
      };
      ticks.set(d.stepId, [...(ticks.get(d.stepId) ?? []), occurrence]);
    } else if (e.type === ChecklistStepUnticked.type) {
      const d = e.data as EventData<typeof ChecklistStepUnticked>;
      const current = ticks.get(d.stepId) ?? [];
      const index = (d.occurrence ?? current.length) - 1;
      ticks.set(
        d.stepId,
        current.filter((_, i) => i !== index),
      );
    }
  }
  for (const list of ticks.values()) list.forEach((o, i) => (o.tick = i + 1));
  return ticks;
}

const byDoneOn = (a: ChecklistOccurrence, b: ChecklistOccurrence) =>
  a.doneOn < b.doneOn ? -1 : a.doneOn > b.doneOn ? 1 : a.position - b.position;

/**
 * The checklist of a year (PRODUCT.md, "Checklists"): the degree's steps in order, each done by
 * its completing events and by ticks, with its due date; an alternative counts only the events
 * made while its exchange mode was in force, and is not due under the other mode.
 */
export function buildChecklist(sources: ChecklistSources): Checklist {
  const exchangeMode = modeAt(sources.exchangeModes, sources.asOf);
  const ticks = standingTicks(sources.ticks);
  const steps = [...sources.steps].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entries = steps.map((step): ChecklistEntry => {
    const fromEvents = step.completedBy
      ? sources.completions
          .filter((e) => step.completedBy!.eventTypes.includes(e.type) && step.completedBy!.matches(e, sources.year))
          .filter((e) => step.exchangeMode === undefined || modeAt(sources.exchangeModes, e.globalPosition) === step.exchangeMode)
          .map((e): ChecklistOccurrence => ({
            doneOn: parisDateOf(e.recordedAt),
            how: 'event',
            actor: e.metadata.actor,
            source: e.metadata.source,
            position: e.globalPosition,
            recordedAt: e.recordedAt,
            eventType: e.type,
            detail: describeCompletion(e),
          }))
      : [];
    const occurrences = [...fromEvents, ...(ticks.get(step.id) ?? [])].sort(byDoneOn);
    const applicable = step.exchangeMode === undefined || step.exchangeMode === exchangeMode;
    const dueDate = dueDateOf(step.window, sources.year);
    const repeatable = step.repeatable === true;
    const doneOn = repeatable ? occurrences.at(-1)?.doneOn : occurrences[0]?.doneOn;
    const status: ChecklistStatus = !applicable
      ? 'not-applicable'
      : occurrences.length > 0
        ? 'done'
        : dueDate !== undefined && sources.today > dueDate
          ? 'overdue'
          : 'open';
    return {
      stepId: step.id,
      plugin: stepPluginOf(step.id),
      number: stepNumberOf(step.id),
      order: step.order,
      title: step.title,
      ...(step.reference === undefined ? {} : { reference: step.reference }),
      ...(step.window === undefined ? {} : { window: step.window }),
      ...(step.note === undefined ? {} : { note: step.note }),
      ...(dueDate === undefined ? {} : { dueDate }),
      repeatable,
      ...(step.exchangeMode === undefined ? {} : { exchangeMode: step.exchangeMode }),
      applicable,
      status,
      ...(doneOn === undefined ? {} : { doneOn }),
      occurrences,
      ...(step.completedBy ? { completedBy: step.completedBy.description } : {}),
    };
  });
  const counts: Record<ChecklistStatus, number> = { done: 0, open: 0, overdue: 0, 'not-applicable': 0 };
  for (const e of entries) counts[e.status] += 1;
  return {
    uai: sources.uai,
    year: sources.year,
    degree: sources.degree,
    exchangeMode,
    asOf: sources.asOf,
    today: sources.today,
    steps: entries,
    counts,
  };
}
