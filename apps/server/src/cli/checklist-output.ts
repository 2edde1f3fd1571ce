import { type Checklist, schoolYearLabel, toFrenchDate } from '@liaison/domain';
import { type Output } from './output';

const STATUS = { done: 'FAIT    ', open: 'à faire ', overdue: 'EN RETARD', 'not-applicable': 'sans objet' } as const;
const MODES = { files: 'fichiers', 'web-service': 'service web' } as const;

/** The checklist as the seed's table shows it: step, reference, window, « Fait le ». */
export function printChecklist(out: Output, list: Checklist): void {
  out.line(
    `Liste des étapes ${schoolYearLabel(list.year)} — ${list.uai} (${list.degree === 'first' ? 'premier' : 'second'} degré, échanges : ${MODES[list.exchangeMode]}, au ${toFrenchDate(list.today)})`,
  );
  for (const s of list.steps) {
    const due = s.dueDate ? ` — échéance ${toFrenchDate(s.dueDate)}` : '';
    const window = s.window ? ` — ${s.window}` : '';
    out.line(`${STATUS[s.status].padEnd(10)} ${s.number.padStart(3)}. ${s.title}${window}${due}`);
    if (s.reference) out.line(`               Référence : ${s.reference}`);
    for (const o of s.occurrences) {
      const how = o.how === 'tick' ? `coché par ${o.actor} (occurrence ${o.tick})` : `${o.detail} par ${o.actor}`;
      out.line(`               Fait le ${toFrenchDate(o.doneOn)} — ${how}`);
    }
  }
  const c = list.counts;
  out.line(`${c.done} faite(s), ${c.open} à faire, ${c.overdue} en retard, ${c['not-applicable']} sans objet.`);
}
