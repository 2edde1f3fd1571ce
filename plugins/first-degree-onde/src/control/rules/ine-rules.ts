import { type Anomaly, inspectIne } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { pupilEntity } from '../../school/entities';
import { RULES } from '../rule-ids';

/**
 * §8 rules 12 and 13: warnings only. ONDE takes a pupil without INE (« non comptabilisé » in
 * the constat until it is attributed), and an INE nobody can verify is the rectorat's to fix.
 */
export function ineRules(context: ControlContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    const entity = pupilEntity(pupil);
    const warn = (rule: string, message: string) => anomalies.push({ rule, severity: 'warning', entity, field: 'ine', message });
    const ine = pupil.pupil.ine;
    if (ine === undefined || ine === '') {
      warn(
        RULES.ineMissing,
        'INE manquant : l’élève reste « non comptabilisé » au constat tant qu’il n’en a pas ; importez l’extraction ONDE (onde.extraction) quand ONDE l’a attribué',
      );
      continue;
    }
    const inspection = inspectIne(ine);
    if (!inspection.valid) warn(RULES.ineKey, `${inspection.message ?? `INE « ${ine} » invalide`} : vérifiez-le dans ONDE`);
    else if (inspection.message) warn(RULES.ineKey, `${inspection.message} : vérifiez-le dans ONDE`);
  }
  return anomalies;
}
