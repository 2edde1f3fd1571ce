import { type Anomaly, checkUai } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { establishmentEntity } from '../../school/entities';
import { RULES } from '../rule-ids';

/** §8 rule 11 (UAI well formed, check letter valid) and the plugin's degree. */
export function establishmentRules({ snapshot }: ControlContext): Anomaly[] {
  const entity = establishmentEntity(snapshot);
  const anomalies: Anomaly[] = [];
  const error = (field: string | undefined, message: string) =>
    anomalies.push({ rule: RULES.establishment, severity: 'error', entity, ...(field ? { field } : {}), message });
  if (!snapshot.establishment.registered) {
    error(undefined, `l’établissement ${snapshot.uai} n’est pas enregistré : enregistrez-le avant de contrôler ses élèves`);
    return anomalies;
  }
  if (snapshot.establishment.degree === 'second') {
    error('degree', 'établissement du second degré : le contrôle ONDE est celui du premier degré (utilisez le contrôle SIECLE)');
  }
  const uaiProblem = checkUai(snapshot.uai);
  if (uaiProblem) error('uai', `${uaiProblem} : ONDE identifie l’école par son UAI`);
  return anomalies;
}
