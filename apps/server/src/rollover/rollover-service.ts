import { planRollover, type RolloverPlan, rolloverRecord } from '@liaison/domain';
import { type Kernel } from '../kernel/kernel';
import { loadSnapshot } from '../exchanges/snapshot-loader';

export interface RolloverRequest {
  uai: string;
  /** Year Y: the rollover builds Y+1 from it. */
  fromYear: number;
  carryClasses: boolean;
  /** Plan only: print the diff, write nothing. */
  dryRun: boolean;
  actor: string;
}

export interface RolloverResult {
  plan: RolloverPlan;
  /** True when events were written (never for a dry run, nor when nothing was left to carry). */
  applied: boolean;
  dryRun: boolean;
  /** The correlation id of the run's events, and of its `YearRolledOver` summary. */
  rolloverId?: string;
  positions: number[];
  /** What the deciders said while applying (a formation to fill in…), besides the plan's own warnings. */
  warnings: string[];
}

/** Some pupils have no usable plan: nothing was written. */
export class RolloverBlockedError extends Error {
  constructor(readonly plan: RolloverPlan) {
    const n = plan.withoutPlan.length + plan.unusable.length;
    super(
      `bascule bloquée : ${n} élève(s) sans projet utilisable pour ${plan.toYear}-${plan.toYear + 1} (onglet « An prochain »), rien n’a été écrit`,
    );
    this.name = 'RolloverBlockedError';
  }
}

/** `rol-<UAI>-<Y>-<head>`: one per establishment, year and log position (a run moves the head). */
export const rolloverIdOf = (uai: string, fromYear: number, head: number) => `rol-${uai}-${fromYear}-${head}`;

/**
 * Runs the year rollover: the plan is the domain's pure `planRollover` over the live states of
 * Y and Y+1; the real run sends its commands and the `RecordRollover` summary in one
 * transaction (all or nothing), with the rollover's id as correlation id and `rollover` as
 * source. A plan with nothing to do writes nothing, which makes reruns harmless.
 */
export class RolloverService {
  constructor(private readonly kernel: Kernel) {}

  async plan(uai: string, fromYear: number, carryClasses: boolean): Promise<RolloverPlan> {
    const [from, next] = await Promise.all([
      loadSnapshot(this.kernel, uai, fromYear),
      loadSnapshot(this.kernel, uai, fromYear + 1),
    ]);
    return planRollover({ from, next, carryClasses });
  }

  async run(request: RolloverRequest): Promise<RolloverResult> {
    const head = this.kernel.store.headPosition();
    const plan = await this.plan(request.uai, request.fromYear, request.carryClasses);
    if (plan.blocked) throw new RolloverBlockedError(plan);
    const base = { plan, dryRun: request.dryRun, positions: [], warnings: [] };
    if (request.dryRun || plan.commands.length === 0) return { ...base, applied: false };
    const rolloverId = rolloverIdOf(request.uai, request.fromYear, head);
    const results = await this.kernel.pipeline.executeBatch([...plan.commands, rolloverRecord(plan, rolloverId)], {
      actor: request.actor,
      source: 'rollover',
      correlationId: rolloverId,
      trusted: true,
    });
    return {
      ...base,
      applied: true,
      rolloverId,
      positions: results.flatMap((r) => r.positions),
      warnings: results.flatMap((r) => r.warnings),
    };
  }
}
