import { type Placement, type RolloverPlan, schoolYearLabel, toFrenchDate } from '@liaison/domain';
import { type Output } from './output';

const STATUS = { preinscrit: 'préinscrit', inscrit: 'inscrit', sorti: 'sorti' } as const;
const NOMENCLATURES = { formations: 'formations', languages: 'langues', classTypes: 'types de classe' } as const;

const where = (p: Placement | undefined) =>
  p === undefined ? '—' : `${p.classCode ?? 'sans classe'}${p.formationCode ? ` (${p.formationCode})` : ''}`;

function section(out: Output, title: string, lines: string[]): void {
  if (lines.length === 0) return;
  out.line(`${title} (${lines.length}) :`);
  for (const line of lines) out.line(`  ${line}`);
}

/** The rollover's diff as the direction reads it before (dry run) or after the run. */
export function printRolloverPlan(out: Output, plan: RolloverPlan): void {
  const to = schoolYearLabel(plan.toYear);
  if (plan.opensYear) out.line(`Ouverture de l’année ${to}.`);
  if (plan.nomenclatures.length > 0) {
    out.line(
      `Nomenclatures de ${schoolYearLabel(plan.fromYear)} reprises pour ${to} (en attendant l’import de la sienne) : ${plan.nomenclatures.map((k) => NOMENCLATURES[k]).join(', ')}.`,
    );
  }
  section(
    out,
    'Classes reprises',
    plan.classes.map((c) => `${c.classCode} « ${c.label} »${c.formations.length > 0 ? ` — ${c.formations.join(', ')}` : ''}`),
  );
  section(
    out,
    'Passages et redoublements',
    plan.moves.map(
      (m) =>
        `${m.name} (${m.pupilId}) : ${m.decision} ${where(m.from)} → ${m.to.formationCode ?? 'formation à renseigner'}, ` +
        (m.to.status === 'inscrit' ? `inscrit en ${m.to.classCode} le ${toFrenchDate(m.to.entryDate!)}` : 'préinscrit'),
    ),
  );
  section(
    out,
    'Sorties',
    plan.leavers.map((l) =>
      l.alreadyExited
        ? `${l.name} (${l.pupilId}) : déjà sorti${l.exitDate ? ` le ${toFrenchDate(l.exitDate)}` : ''}${l.motive ? `, motif ${l.motive}` : ''}`
        : `${l.name} (${l.pupilId}) : sortie le ${toFrenchDate(l.exitDate)}, motif ${l.motive}`,
    ),
  );
  section(
    out,
    'BLOQUANT — sans projet',
    plan.withoutPlan.map((b) => `${b.name} (${b.pupilId}) : ${where(b.from)} — ${b.reason}`),
  );
  section(
    out,
    'BLOQUANT — projet inapplicable',
    plan.unusable.map((b) => `${b.name} (${b.pupilId}) : ${where(b.from)} — ${b.reason}`),
  );
  section(
    out,
    `Déjà en ${to}, laissés tels quels`,
    plan.alreadyCarried.map(
      (k) => `${k.name} (${k.pupilId}) : ${STATUS[k.nextYear.status ?? 'preinscrit']} ${where(k.nextYear)}`,
    ),
  );
  section(
    out,
    'Projet modifié après le report (non réappliqué)',
    plan.planChanged.map((k) => `${k.name} (${k.pupilId}) : ${k.differs}`),
  );
  section(
    out,
    `Nouveaux élèves de ${to}`,
    plan.newInNextYear.map((k) => `${k.name} (${k.pupilId}) : ${STATUS[k.nextYear.status ?? 'preinscrit']} ${where(k.nextYear)}`),
  );
  for (const w of plan.warnings) out.line(`attention : ${w}`);
}
