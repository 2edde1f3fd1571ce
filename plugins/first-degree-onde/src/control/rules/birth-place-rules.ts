import { type Anomaly } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { countryLabel, FRANCE } from '../../labels/countries';
import { pupilEntity } from '../../school/entities';
import { RULES } from '../rule-ids';

/**
 * §8 rule 6: the birth country, and for a birth in France the department and the commune. The
 * file carries the commune's name (`Commune naissance`), so the name is required even when the
 * INSEE commune code is known; abroad, the city is required too (as RegisterPupil already asks).
 */
export function birthPlaceRules(context: ControlContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    if (!pupil.pupil.identity) continue;
    const entity = pupilEntity(pupil);
    const error = (field: string, message: string) =>
      anomalies.push({ rule: RULES.birthPlace, severity: 'error', entity, field, message });
    const place = pupil.pupil.identity.birthPlace;
    if (!place) {
      error(
        'identity.birthPlace',
        'lieu de naissance manquant : renseignez le pays et, pour une naissance en France, le département et la commune',
      );
      continue;
    }
    if (!place.country) {
      error(
        'identity.birthPlace.country',
        'pays de naissance manquant : renseignez-le (code pays INSEE, « 100 » pour la France)',
      );
    } else if (countryLabel(place.country) === undefined) {
      error(
        'identity.birthPlace.country',
        `pays de naissance « ${place.country} » inconnu de la table des pays INSEE : corrigez le code`,
      );
    }
    if (place.country === FRANCE) {
      if (!place.department) {
        error(
          'identity.birthPlace.department',
          'département de naissance manquant pour une naissance en France : renseignez-le (ex. « 075 »)',
        );
      }
      if (!place.city) {
        const code = place.communeCode
          ? ` (le code INSEE ${place.communeCode} ne suffit pas : le fichier porte le nom de la commune)`
          : '';
        error('identity.birthPlace.city', `commune de naissance manquante : indiquez son nom${code}`);
      }
    } else if (place.country && !place.city) {
      error('identity.birthPlace.city', 'ville de naissance manquante pour une naissance à l’étranger : renseignez-la');
    }
  }
  return anomalies;
}
