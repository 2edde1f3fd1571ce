import { type Command } from '../commands/command';
import { RuleViolationError } from '../errors';
import { type SchoolSnapshot } from '../plugin/school-snapshot';
import { schoolYearLabel } from '../values';
import { carryClasses } from './rollover-classes';
import { carryNomenclature } from './rollover-nomenclature';
import { type RolloverPlan } from './rollover-plan';
import { placePupils } from './rollover-pupils';

export interface RolloverInput {
  /** Year Y as it stands: its classes and nomenclature, and every pupil of the establishment. */
  from: SchoolSnapshot;
  /** Year Y+1 as it stands: not open yet, or opened with its own classes and nomenclature. */
  next: SchoolSnapshot;
  carryClasses: boolean;
}

/**
 * Year Y+1 from Y (PRODUCT.md, "Year rollover"), as a pure function of the two years' states:
 * open Y+1 if needed, declare the nomenclatures it lacks, carry classes on request, record the
 * planned exits in Y, and carry every other pupil enrolled at the end of Y by their « An
 * prochain » plan with their per-year data. What is already in Y+1 is left untouched.
 */
export function planRollover(input: RolloverInput): RolloverPlan {
  const { from, next } = input;
  const uai = from.uai;
  const fromYear = from.year;
  const toYear = fromYear + 1;
  if (next.uai !== uai || next.year !== toYear) {
    throw new Error(`planRollover: the next snapshot must be ${uai} ${toYear}, not ${next.uai} ${next.year}`);
  }
  if (!from.establishment.registered) {
    throw new RuleViolationError('establishment_unknown', `l’établissement ${uai} n’est pas enregistré`, { uai });
  }
  if (!from.schoolYear.opened) {
    throw new RuleViolationError(
      'year_not_open',
      `l’année ${schoolYearLabel(fromYear)} n’est pas ouverte pour l’établissement ${uai} : il n’y a rien à reporter`,
      { uai, year: fromYear },
    );
  }
  const opensYear = !next.schoolYear.opened;
  const nomenclature = carryNomenclature(uai, fromYear, from.schoolYear, next.schoolYear);
  const classes = carryClasses(uai, fromYear, from.classes, next.classes, nomenclature.nomenclature, input.carryClasses);
  const degree = from.establishment.degree;
  const pupils = placePupils(from.pupils, {
    uai,
    fromYear,
    degree,
    nomenclature: nomenclature.nomenclature,
    classes: classes.classes,
  });
  const pupilCommands = [...pupils.exitCommands, ...pupils.arrivalCommands];
  const blocked = pupils.withoutPlan.length > 0 || pupils.unusable.length > 0;
  // Each part is empty once applied (Y+1 open, its nomenclature declared, the classes and
  // pupils there), so planning again after a run gives no command.
  const commands: Command[] = [
    ...(opensYear ? [{ type: 'OpenYear', payload: { uai, year: toYear } }] : []),
    ...nomenclature.commands,
    ...classes.commands,
    ...pupilCommands,
  ];
  return {
    uai,
    fromYear,
    toYear,
    ...(degree === undefined ? {} : { degree }),
    opensYear,
    nomenclatures: nomenclature.kinds,
    classes: classes.carried,
    moves: pupils.moves,
    leavers: pupils.leavers,
    withoutPlan: pupils.withoutPlan,
    unusable: pupils.unusable,
    alreadyCarried: pupils.alreadyCarried,
    planChanged: pupils.planChanged,
    newInNextYear: pupils.newInNextYear,
    warnings: [...classes.warnings, ...pupils.warnings],
    blocked,
    commands,
  };
}
