import { type Degree } from '../establishment/establishment-state';
import { type NextYearPlan, type PupilYear } from '../pupil/pupil-state';
import { nextFirstDegreeLevel } from '../values/first-degree-levels';

/**
 * The formation a passage or redoublement leads to. `PlanNextYear` already stores the next
 * level of a first-degree passage and refuses a second-degree passage without a MEF, so the
 * plan's formation is the answer; the fallbacks cover plans recorded without one (a
 * redoublement keeps the year's formation).
 */
export function targetFormation(plan: NextYearPlan, year: PupilYear, degree: Degree | undefined): string | undefined {
  if (plan.formationCode !== undefined) return plan.formationCode;
  if (plan.decision === 'redoublement') return year.formationCode;
  if (plan.decision === 'passage' && degree === 'first' && year.formationCode !== undefined) {
    return nextFirstDegreeLevel(year.formationCode);
  }
  return undefined;
}
