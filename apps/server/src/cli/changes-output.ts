import { type FieldChange, type SnapshotDiff } from '@liaison/domain';
import { type ChangeEntry, type ChangesBySubject } from '../exchanges/changes-by-subject';
import { type Output } from './output';

const show = (value: unknown) => (value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value));
const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);
const field = (c: FieldChange) => `${c.field} : ${show(c.before)} → ${show(c.after)}`;

function printEntry(out: Output, e: ChangeEntry, indent: string): void {
  const via = e.guardianId ? ` (responsable ${e.guardianId})` : '';
  out.line(`${indent}#${e.position}  ${when(e.recordedAt)}  ${e.actor} (${e.source})  ${e.type}${via}`);
  for (const c of e.changes) out.line(`${indent}    ${field(c)}`);
}

/** An export's changes as the direction reviews them: by pupil, then the classes, then the rest. */
export function printChangesBySubject(out: Output, grouped: ChangesBySubject): void {
  for (const p of grouped.pupils) {
    out.line(`${p.name} (${p.pupilId})${p.classCode ? ` — classe ${p.classCode}` : ''}`);
    for (const e of p.changes) printEntry(out, e, '  ');
  }
  for (const c of grouped.classes.filter((x) => x.changes.length > 0)) {
    out.line(`Classe ${c.classCode}${c.label ? ` « ${c.label} »` : ''}`);
    for (const e of c.changes) printEntry(out, e, '  ');
  }
  if (grouped.establishment.length > 0) {
    out.line('Établissement et année');
    for (const e of grouped.establishment) printEntry(out, e, '  ');
  }
}

/** Two states of an export compared: pupils added, removed, changed. */
export function printSnapshotDiff(out: Output, diff: SnapshotDiff): void {
  for (const p of diff.pupils.added) out.line(`+ ${p.name} (${p.pupilId})`);
  for (const p of diff.pupils.removed) out.line(`- ${p.name} (${p.pupilId})`);
  for (const p of diff.pupils.changed) {
    out.line(`~ ${p.name} (${p.pupilId})`);
    for (const c of p.fields) out.line(`    ${field(c)}`);
  }
  for (const c of diff.classes.added) out.line(`+ classe ${c}`);
  for (const c of diff.classes.removed) out.line(`- classe ${c}`);
  for (const c of diff.classes.changed) {
    out.line(`~ classe ${c.classCode}`);
    for (const f of c.fields) out.line(`    ${field(f)}`);
  }
  for (const f of diff.establishment) out.line(`~ établissement : ${field(f)}`);
  out.line(
    `${diff.pupils.added.length} élève(s) ajouté(s), ${diff.pupils.removed.length} retiré(s), ${diff.pupils.changed.length} modifié(s).`,
  );
}
