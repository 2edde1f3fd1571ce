import { type Anomaly, type ClassState } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { classEntity } from '../../school/entities';
import { normaliseName } from '../../text/normalise';
import { RULES } from '../rule-ids';

/**
 * §8 rule 3, from the seed's class set-up: every class of the file has its code rectorat,
 * contract type, class type and at least one formation. Only classes with exported pupils are
 * checked: an empty class is not in the file and must not block it.
 */
export function classRules(context: ControlContext): Anomaly[] {
  const { classTypes } = context.snapshot.schoolYear;
  const anomalies: Anomaly[] = [];
  for (const klass of context.classesInUse) {
    const entity = classEntity(klass);
    const error = (rule: string, field: string, message: string) =>
      anomalies.push({ rule, severity: 'error', entity, field, message });
    if (!klass.rectoratCode) {
      error(
        RULES.classRectoratCode,
        'rectoratCode',
        'code rectorat manquant : renseignez-le dans la fiche de la classe (code libre de 1 à 8 caractères qui la désigne auprès du rectorat)',
      );
    }
    if (!klass.contractType) {
      error(
        RULES.classContract,
        'contractType',
        'type de contrat manquant : choisissez-le dans la fiche de la classe (contrat d’association, contrat simple ou hors contrat)',
      );
    }
    if (!klass.classType) {
      error(
        RULES.classType,
        'classType',
        'type de classe manquant : choisissez-le dans la fiche de la classe (ex. « ordinaire »)',
      );
    } else if (Object.keys(classTypes).length > 0 && !Object.hasOwn(classTypes, klass.classType)) {
      error(
        RULES.classType,
        'classType',
        `type de classe « ${klass.classType} » absent de la nomenclature de l’année : importez les formations du 1er degré ou choisissez un type connu`,
      );
    }
    if (klass.formations.length === 0) {
      error(
        RULES.classFormation,
        'formations',
        'aucune formation : affectez à la classe son ou ses niveaux (ex. CE2, ou CE2 et CM1 pour une classe à double niveau)',
      );
    }
  }
  anomalies.push(...duplicateLabels(context.classesInUse));
  return anomalies;
}

/** §8 rules 14 and 16: the guardians file names a child's class by its label, so labels must differ. */
function duplicateLabels(classes: readonly ClassState[]): Anomaly[] {
  const byLabel = new Map<string, ClassState[]>();
  for (const klass of classes) {
    const key = normaliseName(klass.label ?? klass.classCode ?? '');
    byLabel.set(key, [...(byLabel.get(key) ?? []), klass]);
  }
  const anomalies: Anomaly[] = [];
  for (const same of byLabel.values()) {
    if (same.length < 2) continue;
    for (const klass of same) {
      const others = same
        .filter((c) => c !== klass)
        .map((c) => c.classCode)
        .join(', ');
      anomalies.push({
        rule: RULES.classLabelUnique,
        severity: 'error',
        entity: classEntity(klass),
        field: 'label',
        message: `libellé « ${klass.label} » porté aussi par la classe ${others} : donnez à chaque classe un libellé distinct (le fichier des responsables désigne les classes par leur libellé)`,
      });
    }
  }
  return anomalies;
}
