import { type Anomaly } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { pupilEntity } from '../../school/entities';
import { type ScopedPupil } from '../../school/pupil-scope';
import { normaliseName } from '../../text/normalise';
import { RULES } from '../rule-ids';

/**
 * §8 rule 16: the guardians file names each child by (family name, first name, class label),
 * so two pupils with the same three values cannot be told apart. Compared without accents,
 * case or hyphens, as a reader of the file might.
 */
export function uniquenessRules(context: ControlContext): Anomaly[] {
  const byKey = new Map<string, ScopedPupil[]>();
  for (const pupil of context.scope.checked) {
    const identity = pupil.pupil.identity;
    if (!identity) continue;
    const key = [identity.lastName ?? '', identity.firstName ?? '', pupil.klass?.label ?? pupil.classCode]
      .map(normaliseName)
      .join('|');
    byKey.set(key, [...(byKey.get(key) ?? []), pupil]);
  }
  const anomalies: Anomaly[] = [];
  for (const same of byKey.values()) {
    if (same.length < 2) continue;
    for (const pupil of same) {
      const others = same
        .filter((p) => p !== pupil)
        .map((p) => `élève ${p.pupilId}`)
        .join(', ');
      anomalies.push({
        rule: RULES.pupilUnique,
        severity: 'error',
        entity: pupilEntity(pupil),
        field: 'identity.firstName',
        message: `même nom, prénom et classe que l’${others} : s’il s’agit du même enfant, supprimez le doublon ; sinon distinguez-les (le fichier des responsables ne peut pas les départager)`,
      });
    }
  }
  return anomalies;
}
