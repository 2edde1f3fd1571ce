import { type EventData, ExportProduced, FileImported, type RecordedEvent, YearRolledOver } from '@liaison/events';
import { type ChecklistCompletion } from './checklist-step';

/**
 * Ready-made completions for the plugins' steps. `yearOffset` reaches another year's data: an
 * LSU export of year Y-1 completes a step of checklist Y (`-1`).
 */

/** A file of `formatId` (or of one of several formats) imported for the checklist's year. */
export function completedByImport(
  formatId: string | readonly string[],
  description: string,
  yearOffset = 0,
): ChecklistCompletion {
  const formats: readonly string[] = typeof formatId === 'string' ? [formatId] : formatId;
  return {
    eventTypes: [FileImported.type],
    description,
    matches: (event: RecordedEvent, year: number) => {
      const d = event.data as EventData<typeof FileImported>;
      return event.type === FileImported.type && formats.includes(d.formatId) && d.year === year + yearOffset;
    },
  };
}

/** An export of `formatId` produced for the checklist's year (replays `--as-of` record nothing). */
export function completedByExport(formatId: string, description: string, yearOffset = 0): ChecklistCompletion {
  return {
    eventTypes: [ExportProduced.type],
    description,
    matches: (event: RecordedEvent, year: number) => {
      const d = event.data as EventData<typeof ExportProduced>;
      return event.type === ExportProduced.type && d.formatId === formatId && d.year === year + yearOffset;
    },
  };
}

/** The year rollover into the checklist's year (`year rollover --from Y-1`). */
export function completedByRollover(description: string): ChecklistCompletion {
  return {
    eventTypes: [YearRolledOver.type],
    description,
    matches: (event: RecordedEvent, year: number) =>
      event.type === YearRolledOver.type && (event.data as EventData<typeof YearRolledOver>).toYear === year,
  };
}
