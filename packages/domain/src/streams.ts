/**
 * Stream ids, one per aggregate instance. They are stored in every event row: the formats
 * here are part of the log and never change.
 */
export const streamIds = {
  establishment: (uai: string) => `establishment-${uai}`,
  year: (uai: string, year: number) => `year-${uai}-${year}`,
  class: (uai: string, year: number, classCode: string) => `class-${uai}-${year}-${classCode}`,
  pupil: (uai: string, pupilId: string) => `pupil-${uai}-${pupilId}`,
  guardian: (uai: string, guardianId: string) => `guardian-${uai}-${guardianId}`,
  export: (uai: string, formatId: string) => `export-${uai}-${formatId}`,
  import: (uai: string, formatId: string) => `import-${uai}-${formatId}`,
  checklist: (uai: string, year: number) => `checklist-${uai}-${year}`,
  rollover: (uai: string, fromYear: number) => `rollover-${uai}-${fromYear}`,
} as const;

/** The aggregate kind of a stream: the part of its id before the first dash. */
export function streamTypeOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
