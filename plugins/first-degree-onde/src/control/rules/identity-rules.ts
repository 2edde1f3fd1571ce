import { type Anomaly, isValidIsoDate } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { pupilEntity } from '../../school/entities';
import { RULES } from '../rule-ids';

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** §8 rule 5: family name, first name, sex and birth date (CNIL list, MyScol). */
export function identityRules(context: ControlContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    const entity = pupilEntity(pupil);
    const error = (field: string, message: string) =>
      anomalies.push({ rule: RULES.identity, severity: 'error', entity, field, message });
    const identity = pupil.pupil.identity;
    if (!identity) {
      error('identity', 'identité manquante : renseignez le nom, le prénom, le sexe et la date de naissance');
      continue;
    }
    if (blank(identity.lastName)) error('identity.lastName', 'nom de famille manquant : renseignez-le');
    if (blank(identity.firstName)) error('identity.firstName', 'prénom manquant : renseignez-le');
    if (identity.sex !== 'M' && identity.sex !== 'F') error('identity.sex', 'sexe manquant : indiquez M ou F');
    if (blank(identity.birthDate)) error('identity.birthDate', 'date de naissance manquante : renseignez-la');
    else if (!isValidIsoDate(identity.birthDate))
      error('identity.birthDate', `date de naissance « ${identity.birthDate} » invalide : corrigez-la`);
  }
  return anomalies;
}
