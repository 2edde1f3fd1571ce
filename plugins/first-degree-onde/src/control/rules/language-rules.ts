import { type Anomaly } from '@liaison/domain';
import { type ControlContext, yearField } from '../control-context';
import { cycleOf } from '../../labels/cycles';
import { pupilEntity } from '../../school/entities';
import { levelOf } from '../../school/pupil-level';
import { RULES } from '../rule-ids';

/**
 * §8 rule 10 (MyScol: « au moins une langue vivante par élève, obligatoire à partir du cycle
 * 2 »), the cycle taken from the year's formation entry, else the 2016 level table. LV1 and LV2
 * must be codes of the year's language nomenclature: the file prints their labels.
 */
export function languageRules(context: ControlContext): Anomaly[] {
  const { schoolYear } = context.snapshot;
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    const entity = pupilEntity(pupil);
    const error = (field: string, message: string) =>
      anomalies.push({ rule: RULES.languages, severity: 'error', entity, field, message });
    const level = levelOf(pupil);
    const cycle = level === undefined ? undefined : cycleOf(level, schoolYear);
    const { lv1, lv2 } = pupil.year;
    if (lv1 === undefined && cycle !== undefined && Number(cycle) >= 2) {
      error(
        yearField(context, 'lv1'),
        `aucune langue vivante (LV1) : elle est obligatoire à partir du cycle 2 (niveau ${level}, cycle ${cycle}), choisissez-la dans la fiche de l’élève`,
      );
    }
    for (const [field, code] of [
      ['lv1', lv1],
      ['lv2', lv2],
    ] as const) {
      if (code !== undefined && !Object.hasOwn(schoolYear.languages, code)) {
        error(
          yearField(context, field),
          `langue « ${code} » absente de la nomenclature des langues de l’année : importez les langues du 1er degré ou choisissez une langue de la liste`,
        );
      }
    }
  }
  return anomalies;
}
