import { type Command } from '../commands/command';
import { type Contract, type Degree } from '../establishment/establishment-state';
import { type NextYearDecision, type NextYearPlan, type PupilSchooling, type PupilYearStatus } from '../pupil/pupil-state';

/** Where a pupil is in a year. */
export interface Placement {
  status?: PupilYearStatus;
  classCode?: string;
  formationCode?: string;
}

export interface RolloverPupil {
  pupilId: string;
  /** « LEFÈVRE Éloïse ». */
  name: string;
}

/** A pupil carried into Y+1: pre-enrolled in the planned formation, or enrolled in the planned class. */
export interface RolloverMove extends RolloverPupil {
  decision: Exclude<NextYearDecision, 'sortie'>;
  from: Placement;
  to: { status: 'preinscrit' | 'inscrit'; formationCode?: string; classCode?: string; entryDate?: string };
  /** The per-year data copied into Y+1, as it stands in Y (`doublement` set for a redoublement). */
  copied: { lv1?: string; lv2?: string; dispositifs: string[]; schooling: PupilSchooling };
}

/** A pupil who leaves: a sortie plan (exit recorded in Y unless already done), or an exit during Y. */
export interface RolloverLeaver extends RolloverPupil {
  from: Placement;
  exitDate: string;
  motive: string;
  /** Already exited in Y: nothing to record. */
  alreadyExited: boolean;
  /** `plan`: the « An prochain » says sortie; `exited`: left during Y without such a plan. */
  reason: 'plan' | 'exited';
}

/** A pupil the rollover cannot carry: no plan, or a plan that cannot be applied in Y+1. */
export interface RolloverBlocker extends RolloverPupil {
  from: Placement;
  reason: string;
}

/** A pupil already in Y+1 (carried by an earlier run, or pre-enrolled by hand): left as it is. */
export interface RolloverKept extends RolloverPupil {
  from?: Placement;
  nextYear: Placement;
  plan?: NextYearPlan;
  /** How the plan differs from what Y+1 holds: reported, never re-applied. */
  differs?: string;
}

/** A class of Y created in Y+1 (`--carry-classes`). */
export interface CarriedClass {
  classCode: string;
  label: string;
  rectoratCode?: string;
  contractType?: Contract;
  classType?: string;
  formations: string[];
}

export type NomenclatureKind = 'formations' | 'languages' | 'classTypes';

/**
 * The diff of a rollover from Y to Y+1 (PRODUCT.md, "Year rollover"), and the commands that
 * apply it. The dry run shows it; the real run sends `commands` in one transaction.
 */
export interface RolloverPlan {
  uai: string;
  fromYear: number;
  toYear: number;
  degree?: Degree;
  /** Y+1 is not open yet: the run opens it. */
  opensYear: boolean;
  /** Y+1 has no such nomenclature yet: Y's is declared for it until Y+1's own is imported. */
  nomenclatures: NomenclatureKind[];
  classes: CarriedClass[];
  moves: RolloverMove[];
  leavers: RolloverLeaver[];
  /** Enrolled in Y at its end, not in Y+1, without a plan: they block the run. */
  withoutPlan: RolloverBlocker[];
  /** A plan that cannot be applied (formation not in Y+1's nomenclature…): they block the run too. */
  unusable: RolloverBlocker[];
  /** Already in Y+1, as their plan says (or without plan): nothing to do. */
  alreadyCarried: RolloverKept[];
  /** Already in Y+1, but the plan now says otherwise: reported, not re-applied. */
  planChanged: RolloverKept[];
  /** Pupils of Y+1 only (new pupils pre-enrolled for Y+1): they stay. */
  newInNextYear: RolloverKept[];
  warnings: string[];
  blocked: boolean;
  /** The commands of the run, in order (none when there is nothing to carry). */
  commands: Command[];
}
