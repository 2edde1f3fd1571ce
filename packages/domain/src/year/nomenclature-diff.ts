import { type NomenclatureEntry } from './year-state';

/** How a declaration compares with a year's current nomenclature, as codes in declaration order. */
export interface NomenclatureDiff {
  /** Codes the year did not have. */
  added: string[];
  /** Codes the year had with another label, cycle or attributes. */
  changed: string[];
  /** Codes the year already had exactly so. */
  unchanged: string[];
}

function sameAttributes(a: Readonly<Record<string, string>> = {}, b: Readonly<Record<string, string>> = {}): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

/**
 * Deep comparison of two entries of one code: label, cycle and attributes, whatever the order of
 * the attributes; an absent `attributes` equals an empty one.
 */
export function sameNomenclatureEntry(a: NomenclatureEntry, b: NomenclatureEntry): boolean {
  return a.code === b.code && a.label === b.label && a.cycle === b.cycle && sameAttributes(a.attributes, b.attributes);
}

/**
 * Sorts declared entries into added, changed and unchanged against the year's current ones
 * (`YearState.formations`, `.languages` or `.classTypes`). Codes the declaration leaves out
 * are not listed: a declaration never removes a code. A code given twice counts once, first
 * occurrence (the command schemas refuse duplicates anyway). Pure, for deciders and importer reports.
 */
export function diffNomenclature(
  current: Readonly<Record<string, NomenclatureEntry>>,
  entries: readonly NomenclatureEntry[],
): NomenclatureDiff {
  const diff: NomenclatureDiff = { added: [], changed: [], unchanged: [] };
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.code)) continue;
    seen.add(entry.code);
    const existing = Object.hasOwn(current, entry.code) ? current[entry.code] : undefined;
    if (existing === undefined) diff.added.push(entry.code);
    else if (sameNomenclatureEntry(existing, entry)) diff.unchanged.push(entry.code);
    else diff.changed.push(entry.code);
  }
  return diff;
}
