import { type Command, type ImportRow } from '@liaison/domain';

/** A keyed item of a file, with how a report names it. */
export interface ReportedItem<T> {
  key: string;
  item: T;
  /** Where it is: « MEF 10010012110 », « motif de sortie 40 ». */
  ref: string;
  /** What it is: « 6EME », « DECES ». */
  subject: string;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  label: 'libellé',
  cycle: 'cycle',
  managementCode: 'code gestion',
  shortLabel: 'libellé court',
  editionLabel: 'libellé d’édition',
  nationalCode: 'code national',
  etp: 'matière ETP',
  programme: 'programme',
  mandatoryOptions: 'options obligatoires',
  mefCodes: 'MEF',
  divisionCodes: 'divisions',
  contract: 'contrat',
  lastName: 'nom',
  firstName: 'prénom',
  birthName: 'nom de naissance',
  disciplines: 'disciplines',
  services: 'services',
  mainTeacherOf: 'professeur principal',
  grade: 'grade',
  function: 'fonction',
  civility: 'civilité',
  sex: 'sexe',
  idType: 'type d’identifiant',
};

const shown = (v: unknown) => (v === undefined ? 'aucun' : typeof v === 'string' ? `« ${v} »` : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What changed between two versions of an entry, in French: « libellé « A » → « B », INSCRIPTION_ETAB « 0 » → « 1 » ». */
export function describeChanges(before: object, after: object): string {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (same(a[field], b[field])) continue;
    if (field === 'attributes') {
      const x = (a[field] ?? {}) as Record<string, string>;
      const y = (b[field] ?? {}) as Record<string, string>;
      for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])]) {
        if (x[k] !== y[k]) parts.push(`${k} ${shown(x[k])} → ${shown(y[k])}`);
      }
    } else if (typeof a[field] === 'object' || typeof b[field] === 'object') {
      parts.push(`${FIELD_LABELS[field] ?? field} modifié(e)s`);
    } else {
      parts.push(`${FIELD_LABELS[field] ?? field} ${shown(a[field])} → ${shown(b[field])}`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : 'mis à jour';
}

export interface DiffRowsOptions<T> {
  /** The item as the target knows it today, if it does. */
  current: (key: string) => T | undefined;
  /** Whether the target's version equals the file's. */
  same: (before: T, after: T) => boolean;
  /** The one command that declares every new or changed item; it rides on the first such row. */
  command: (changed: T[]) => Command;
  /** The message of a new or unchanged row (default: the subject). */
  describe?: (item: T) => string;
}

/**
 * One row per item: `create` when the target does not have it, `update` when it differs
 * (with what changed), `unchanged` otherwise. The new and changed items are declared by one
 * command, carried by the first row that needs it, so the import stays one command per kind.
 */
export function diffRows<T extends object>(items: readonly ReportedItem<T>[], options: DiffRowsOptions<T>): ImportRow[] {
  const describe = options.describe ?? (() => undefined);
  const states = items.map((i) => {
    const before = options.current(i.key);
    const status: ImportRow['outcome'] = before === undefined ? 'create' : options.same(before, i.item) ? 'unchanged' : 'update';
    return { ...i, before, status };
  });
  const changedItems = states.filter((s) => s.status !== 'unchanged').map((s) => s.item);
  const command = changedItems.length > 0 ? options.command(changedItems) : undefined;
  let placed = false;
  return states.map((s): ImportRow => {
    const message = s.status === 'update' && s.before !== undefined ? describeChanges(s.before, s.item) : describe(s.item);
    const row: ImportRow = { ref: s.ref, outcome: s.status, subject: s.subject, ...(message ? { message } : {}) };
    if (s.status !== 'unchanged' && command && !placed) {
      placed = true;
      row.commands = [command];
    }
    return row;
  });
}

/** Keeps the first item of each key; the others are named in a note. */
export function firstOfEachKey<T>(items: readonly T[], keyOf: (item: T) => string, what: string, notes: string[]): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  const doubled = new Set<string>();
  for (const item of items) {
    const k = keyOf(item);
    if (seen.has(k)) doubled.add(k);
    else {
      seen.add(k);
      kept.push(item);
    }
  }
  if (doubled.size > 0)
    notes.push(`${what} en double dans le fichier (première occurrence retenue) : ${[...doubled].join(', ')}`);
  return kept;
}

export const countOutcomes = (rows: readonly ImportRow[]) => {
  const counts = { create: 0, update: 0, unchanged: 0, unmatched: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome]++;
  return counts;
};
