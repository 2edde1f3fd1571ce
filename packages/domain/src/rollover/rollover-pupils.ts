import { type Command } from '../commands/command';
import { type Degree } from '../establishment/establishment-state';
import { type PupilState, type PupilYear } from '../pupil/pupil-state';
import { DEFAULT_EXIT_MOTIVE, EXIT_MOTIVES } from '../values/exit-motives';
import { schoolYearLabel, toFrenchDate } from '../values';
import { type NextClass } from './rollover-classes';
import { type NextNomenclature } from './rollover-nomenclature';
import {
  type Placement,
  type RolloverBlocker,
  type RolloverKept,
  type RolloverLeaver,
  type RolloverMove,
  type RolloverPupil,
} from './rollover-plan';
import { targetFormation } from './rollover-targets';

/** Where each pupil of the establishment goes, and the commands that take them there. */
export interface PupilOutcomes {
  moves: RolloverMove[];
  leavers: RolloverLeaver[];
  withoutPlan: RolloverBlocker[];
  unusable: RolloverBlocker[];
  alreadyCarried: RolloverKept[];
  planChanged: RolloverKept[];
  newInNextYear: RolloverKept[];
  /** Exits to record in Y, then arrivals in Y+1: kept apart so exits come first. */
  exitCommands: Command[];
  arrivalCommands: Command[];
  warnings: string[];
}

export interface PlacementContext {
  uai: string;
  fromYear: number;
  degree: Degree | undefined;
  nomenclature: NextNomenclature;
  classes: ReadonlyMap<string, NextClass>;
}

const STATUS_LABELS = { preinscrit: 'préinscrit', inscrit: 'inscrit', sorti: 'sorti' } as const;

export function pupilDisplayName(p: PupilState): string {
  const identity = p.identity;
  return identity ? `${identity.lastName.toLocaleUpperCase('fr-FR')} ${identity.firstName}` : (p.pupilId ?? '');
}

const placementOf = (y: PupilYear): Placement => ({
  status: y.status,
  ...(y.classCode === undefined ? {} : { classCode: y.classCode }),
  ...(y.formationCode === undefined ? {} : { formationCode: y.formationCode }),
});

const byName = (a: RolloverPupil, b: RolloverPupil) => a.name.localeCompare(b.name, 'fr') || (a.pupilId < b.pupilId ? -1 : 1);

/** How the plan differs from what Y+1 already holds, in French; undefined when it agrees. */
function planDifference(p: PupilState, y: PupilYear, next: PupilYear, ctx: PlacementContext): string | undefined {
  const plan = y.plan;
  if (!plan) return undefined;
  const toYear = schoolYearLabel(ctx.fromYear + 1);
  if (plan.decision === 'sortie') return `sortie prévue, mais déjà ${STATUS_LABELS[next.status]} en ${toYear}`;
  const differences: string[] = [];
  const formation = targetFormation(plan, y, ctx.degree);
  if (formation !== undefined && next.formationCode !== formation) {
    differences.push(`formation prévue ${formation}, en ${toYear} : ${next.formationCode ?? 'aucune'}`);
  }
  if (plan.classCode !== undefined && next.classCode !== plan.classCode) {
    differences.push(`classe prévue ${plan.classCode}, en ${toYear} : ${next.classCode ?? 'aucune'}`);
  }
  return differences.length > 0 ? differences.join(' ; ') : undefined;
}

/** A sortie plan: the exit in Y, with the defaults PRODUCT.md sets (motive 40, last day of Y). */
function leaverOf(p: PupilState, y: PupilYear, ctx: PlacementContext, out: PupilOutcomes): void {
  const plan = y.plan!;
  const who: RolloverPupil = { pupilId: p.pupilId!, name: pupilDisplayName(p) };
  const exitDate = plan.exitDate ?? `${ctx.fromYear + 1}-08-31`;
  const motive = plan.motive ?? DEFAULT_EXIT_MOTIVE;
  if (plan.motive === undefined) {
    out.warnings.push(
      `${who.name} (${who.pupilId}) : sortie sans motif, le motif ${DEFAULT_EXIT_MOTIVE} « ${EXIT_MOTIVES[DEFAULT_EXIT_MOTIVE]} » est enregistré`,
    );
  }
  if (plan.exitDate === undefined) {
    out.warnings.push(
      `${who.name} (${who.pupilId}) : sortie sans date, le ${toFrenchDate(exitDate)} (dernier jour de l’année) est enregistré`,
    );
  }
  out.leavers.push({ ...who, from: placementOf(y), exitDate, motive, alreadyExited: false, reason: 'plan' });
  out.exitCommands.push({
    type: 'ExitPupil',
    payload: { uai: ctx.uai, year: ctx.fromYear, pupilId: who.pupilId, exitDate, motive },
  });
}

/** A passage or redoublement: pre-enrolled in the formation, or enrolled when the planned class can take the pupil. */
function moveOf(p: PupilState, y: PupilYear, ctx: PlacementContext, out: PupilOutcomes): void {
  const plan = y.plan!;
  const decision = plan.decision as RolloverMove['decision'];
  const who: RolloverPupil = { pupilId: p.pupilId!, name: pupilDisplayName(p) };
  const toYear = ctx.fromYear + 1;
  const toLabel = schoolYearLabel(toYear);
  const formationCode = targetFormation(plan, y, ctx.degree);
  if (formationCode === undefined && decision === 'passage') {
    out.unusable.push({ ...who, from: placementOf(y), reason: `passage sans formation de l’an prochain : complétez son projet` });
    return;
  }
  if (formationCode !== undefined && !Object.hasOwn(ctx.nomenclature.formations, formationCode)) {
    const none = Object.keys(ctx.nomenclature.formations).length === 0;
    out.unusable.push({
      ...who,
      from: placementOf(y),
      reason: none
        ? `aucune formation n’est déclarée pour ${toLabel} : la formation ${formationCode} ne peut pas y être vérifiée`
        : `la formation ${formationCode} de son projet n’est pas dans la nomenclature de ${toLabel} : corrigez son projet`,
    });
    return;
  }
  if (formationCode === undefined) {
    out.warnings.push(
      `${who.name} (${who.pupilId}) : redoublement sans formation connue en ${schoolYearLabel(ctx.fromYear)}, formation à renseigner en ${toLabel}`,
    );
  }
  let classCode: string | undefined;
  if (plan.classCode !== undefined) {
    const cls = ctx.classes.get(plan.classCode);
    const reason =
      cls === undefined
        ? `la classe ${plan.classCode} n’existe pas en ${toLabel}`
        : cls.closed
          ? `la classe ${plan.classCode} est fermée en ${toLabel}`
          : formationCode !== undefined && cls.formations.length > 0 && !cls.formations.includes(formationCode)
            ? `la formation ${formationCode} n’est pas une formation de la classe ${plan.classCode} en ${toLabel}`
            : undefined;
    if (reason === undefined) classCode = plan.classCode;
    else out.warnings.push(`${who.name} (${who.pupilId}) : ${reason}, il est préinscrit sans classe`);
  }
  const schooling = {
    ...(y.schooling.regime === undefined ? {} : { regime: y.schooling.regime }),
    ...(y.schooling.statut === undefined ? {} : { statut: y.schooling.statut }),
    ...(y.schooling.transport === undefined ? {} : { transport: y.schooling.transport }),
    ...(decision === 'redoublement' ? { doublement: true } : {}),
  };
  const languages = copiedLanguages(who, y, ctx, out);
  const entryDate = `${toYear}-09-01`;
  const ref = { uai: ctx.uai, year: toYear, pupilId: who.pupilId };
  const formation = formationCode === undefined ? {} : { formationCode };
  out.arrivalCommands.push(
    classCode === undefined
      ? { type: 'PreEnrolPupil', payload: { ...ref, ...formation } }
      : { type: 'EnrolPupil', payload: { ...ref, classCode, entryDate, ...formation } },
  );
  if (languages.lv1 !== undefined) out.arrivalCommands.push({ type: 'SetPupilLanguages', payload: { ...ref, ...languages } });
  if (y.dispositifs.length > 0)
    out.arrivalCommands.push({ type: 'SetPupilDispositifs', payload: { ...ref, dispositifs: y.dispositifs } });
  if (Object.keys(schooling).length > 0)
    out.arrivalCommands.push({ type: 'SetPupilSchooling', payload: { ...ref, ...schooling } });
  out.moves.push({
    ...who,
    decision,
    from: placementOf(y),
    to: {
      status: classCode === undefined ? 'preinscrit' : 'inscrit',
      ...formation,
      ...(classCode === undefined ? {} : { classCode, entryDate }),
    },
    copied: { ...languages, dispositifs: [...y.dispositifs], schooling },
  });
}

/** The year's languages, less those Y+1's nomenclature does not know (with a warning). */
function copiedLanguages(
  who: RolloverPupil,
  y: PupilYear,
  ctx: PlacementContext,
  out: PupilOutcomes,
): { lv1?: string; lv2?: string } {
  if (y.lv1 === undefined) return {};
  const known = ctx.nomenclature.languages;
  const checks = Object.keys(known).length > 0;
  const usable = (code: string) => !checks || Object.hasOwn(known, code);
  if (!usable(y.lv1)) {
    out.warnings.push(
      `${who.name} (${who.pupilId}) : la langue ${y.lv1} n’est pas dans la nomenclature de ${schoolYearLabel(ctx.fromYear + 1)}, ses langues ne sont pas reprises`,
    );
    return {};
  }
  if (y.lv2 !== undefined && !usable(y.lv2)) {
    out.warnings.push(
      `${who.name} (${who.pupilId}) : la langue ${y.lv2} n’est pas dans la nomenclature de ${schoolYearLabel(ctx.fromYear + 1)}, seule la LV1 est reprise`,
    );
    return { lv1: y.lv1 };
  }
  return { lv1: y.lv1, ...(y.lv2 === undefined ? {} : { lv2: y.lv2 }) };
}

/**
 * Sorts every registered pupil of the establishment: pupils enrolled in Y at its end are carried
 * by their plan (or block the run without one), the year's leavers stay behind, and whoever is
 * already in Y+1 is left as they are — which is what makes a rerun carry only the others.
 */
export function placePupils(pupils: readonly PupilState[], ctx: PlacementContext): PupilOutcomes {
  const out: PupilOutcomes = {
    moves: [],
    leavers: [],
    withoutPlan: [],
    unusable: [],
    alreadyCarried: [],
    planChanged: [],
    newInNextYear: [],
    exitCommands: [],
    arrivalCommands: [],
    warnings: [],
  };
  const sorted = [...pupils]
    .filter((p) => p.registered && p.pupilId !== undefined)
    .sort((a, b) =>
      byName({ pupilId: a.pupilId!, name: pupilDisplayName(a) }, { pupilId: b.pupilId!, name: pupilDisplayName(b) }),
    );
  for (const p of sorted) {
    const who: RolloverPupil = { pupilId: p.pupilId!, name: pupilDisplayName(p) };
    const y = p.years[ctx.fromYear];
    const next = p.years[ctx.fromYear + 1];
    if (y === undefined || y.status === 'preinscrit') {
      if (next !== undefined) out.newInNextYear.push({ ...who, nextYear: placementOf(next) });
      else if (y !== undefined) {
        out.warnings.push(
          `${who.name} (${who.pupilId}) : préinscrit en ${schoolYearLabel(ctx.fromYear)} sans y avoir été inscrit, il n’est pas reporté`,
        );
      }
      continue;
    }
    if (y.status === 'sorti') {
      out.leavers.push({
        ...who,
        from: placementOf(y),
        exitDate: y.exitDate ?? '',
        motive: y.exitMotive ?? '',
        alreadyExited: true,
        reason: y.plan?.decision === 'sortie' ? 'plan' : 'exited',
      });
      if (next !== undefined) out.newInNextYear.push({ ...who, from: placementOf(y), nextYear: placementOf(next) });
      continue;
    }
    if (next !== undefined) {
      const differs = planDifference(p, y, next, ctx);
      const kept: RolloverKept = {
        ...who,
        from: placementOf(y),
        nextYear: placementOf(next),
        ...(y.plan === undefined ? {} : { plan: y.plan }),
        ...(differs === undefined ? {} : { differs }),
      };
      (differs === undefined ? out.alreadyCarried : out.planChanged).push(kept);
      continue;
    }
    if (y.plan === undefined) {
      out.withoutPlan.push({
        ...who,
        from: placementOf(y),
        reason: `aucun projet pour ${schoolYearLabel(ctx.fromYear + 1)} (onglet « An prochain »)`,
      });
      continue;
    }
    if (y.plan.decision === 'sortie') leaverOf(p, y, ctx, out);
    else moveOf(p, y, ctx, out);
  }
  return out;
}
