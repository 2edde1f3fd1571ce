// Building a formatter loads time-zone data: one shared instance.
const formatter = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as the school's wall clock reads it, `AAAA-MM-JJTHH:MM:SS` (LSU's `date-verrou`,
 * `StringDateTime`): the export's « as of » instant, so the same export gives the same bytes.
 */
export function parisDateTime(isoInstant: string): string {
  const parts = formatter.formatToParts(new Date(isoInstant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

export const parisDay = (isoInstant: string) => parisDateTime(isoInstant).slice(0, 10);
