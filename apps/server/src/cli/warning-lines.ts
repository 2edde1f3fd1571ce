import { type Anomaly } from '@liaison/domain';

/** Records named before « … » on a grouped warning. */
const NAMED = 3;
/** A warning said of fewer records than this is printed once per record. */
const GROUP_FROM = 3;

/**
 * An export's warnings as a person reads them: the same warning on many records (a SIECLE
 * default sent for every pupil without a régime) is one line with the count and a few names,
 * in the order first met; the others are one line each. `--json` keeps the full list.
 */
export function warningLines(warnings: readonly Anomaly[]): string[] {
  const groups = new Map<string, Anomaly[]>();
  for (const w of warnings) {
    const key = `${w.rule}\u0000${w.message}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.length < GROUP_FROM) {
      for (const w of group) lines.push(`attention : ${w.entity.label} : ${w.message}`);
      continue;
    }
    const names = group.slice(0, NAMED).map((w) => w.entity.label);
    const more = group.length > NAMED ? `, … (${group.length - NAMED} autre(s))` : '';
    lines.push(`attention : ${first.message} — ${group.length} fiches : ${names.join(', ')}${more}`);
  }
  return lines;
}
