import { type Anomaly } from '@liaison/domain';
import { type ControlContext, yearField } from '../control-context';
import { cycleOf } from '../../labels/cycles';
import { pupilEntity } from '../../school/entities';
import { levelOf } from '../../school/pupil-level';
import { RULES } from '../rule-ids';

/**
 * §8 rules 2 and 4: the pupil's class exists, and the pupil's level is explicit in a
 * multi-level class and is one of the class's formations; the level must give a cycle.
 */
export function pupilClassRules(context: ControlContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    const entity = pupilEntity(pupil);
    const error = (rule: string, field: string, message: string) =>
      anomalies.push({ rule, severity: 'error', entity, field, message });
    const klass = pupil.klass;
    if (!klass) {
      error(
        RULES.pupilClass,
        yearField(context, 'classCode'),
        `classe « ${pupil.classCode} » inconnue pour l’année : placez l’élève dans une classe existante`,
      );
      continue;
    }
    if (pupil.year.entryDate === undefined) {
      error(
        RULES.pupilClass,
        yearField(context, 'entryDate'),
        'date d’inscription manquante : inscrivez l’élève avec sa date d’entrée',
      );
    }
    const own = pupil.year.formationCode;
    const formations = klass.formations;
    if (own === undefined && formations.length > 1) {
      error(
        RULES.pupilFormation,
        yearField(context, 'formationCode'),
        `classe à plusieurs niveaux (${formations.join(', ')}) : indiquez le niveau de l’élève dans sa fiche`,
      );
    } else if (own !== undefined && formations.length > 0 && !formations.includes(own)) {
      error(
        RULES.pupilFormation,
        yearField(context, 'formationCode'),
        `niveau ${own} absent des formations de la classe (${formations.join(', ')}) : corrigez le niveau de l’élève ou les formations de la classe`,
      );
    }
    const level = levelOf(pupil);
    if (level !== undefined && cycleOf(level, context.snapshot.schoolYear) === undefined) {
      error(
        RULES.pupilLevel,
        yearField(context, 'formationCode'),
        `niveau « ${level} » inconnu : ni niveau du premier degré (TPS à CM2), ni formation de l’année avec un cycle`,
      );
    }
  }
  return anomalies;
}
