import { type Anomaly, FIRST_DEGREE_CYCLES, type FirstDegreeLevel, isFirstDegreeLevel } from '@liaison/domain';
import { type ControlContext, yearField } from '../control-context';
import { cycleOf } from '../../labels/cycles';
import { establishmentEntity, pupilEntity } from '../../school/entities';
import { levelOf } from '../../school/pupil-level';
import { RULES } from '../rule-ids';

/** Age reached during the calendar year of the rentrée, for a child of the usual age. */
const USUAL_AGE: Readonly<Record<FirstDegreeLevel, number>> = Object.freeze({
  TPS: 2,
  PS: 3,
  MS: 4,
  GS: 5,
  CP: 6,
  CE1: 7,
  CE2: 8,
  CM1: 9,
  CM2: 10,
});
// One year ahead or two behind is seen (early entry, maintien); more is more likely a typing error.
const AHEAD = 1;
const BEHIND = 2;

/**
 * §8 rule 18, warnings: the year's nomenclature gives a level the cycle of the 2016 mapping; a
 * level outside TPS…CM2 may be refused by ONDE; the birth date is plausible for the level.
 */
export function cycleLevelRules(context: ControlContext): Anomaly[] {
  const { snapshot } = context;
  const anomalies: Anomaly[] = [];
  const levelsChecked = new Set<string>();
  for (const pupil of context.scope.checked) {
    const level = levelOf(pupil);
    if (level === undefined) continue;
    const entity = pupilEntity(pupil);
    const cycle = cycleOf(level, snapshot.schoolYear);
    if (!isFirstDegreeLevel(level)) {
      if (cycle !== undefined) {
        anomalies.push({
          rule: RULES.cycleLevel,
          severity: 'warning',
          entity,
          field: yearField(context, 'formationCode'),
          message: `niveau « ${level} » hors de la liste TPS à CM2 : ONDE pourrait le refuser, vérifiez le niveau de l’élève`,
        });
      }
      continue;
    }
    if (!levelsChecked.has(level)) {
      levelsChecked.add(level);
      if (cycle !== FIRST_DEGREE_CYCLES[level]) {
        anomalies.push({
          rule: RULES.cycleLevel,
          severity: 'warning',
          entity: establishmentEntity(snapshot),
          field: `schoolYear.formations.${level}.cycle`,
          message: `le niveau ${level} est déclaré en cycle ${cycle} dans la nomenclature de l’année ; depuis 2016 il relève du cycle ${FIRST_DEGREE_CYCLES[level]} : réimportez les formations du 1er degré`,
        });
      }
    }
    const birthDate = pupil.pupil.identity?.birthDate;
    const birthYear = birthDate === undefined ? Number.NaN : Number(birthDate.slice(0, 4));
    if (Number.isNaN(birthYear)) continue;
    const age = snapshot.year - birthYear;
    const usual = USUAL_AGE[level];
    if (age < usual - AHEAD || age > usual + BEHIND) {
      anomalies.push({
        rule: RULES.cycleLevel,
        severity: 'warning',
        entity,
        field: 'identity.birthDate',
        message: `${age} ans dans l’année ${snapshot.year} : âge inhabituel en ${level} (${usual} ans d’ordinaire), vérifiez la date de naissance ou le niveau`,
      });
    }
  }
  return anomalies;
}
