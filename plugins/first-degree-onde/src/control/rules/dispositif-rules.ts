import { type Anomaly } from '@liaison/domain';
import { type ControlContext, yearField } from '../control-context';
import { pupilEntity } from '../../school/entities';
import { RULES } from '../rule-ids';

/**
 * The support-scheme codes of the LSU nomenclature that exist in the first degree (FORMAT.md
 * §7.2; SEGPA is a collège section). ULIS and UPE2A are dispositifs, not classes: the pupil
 * stays in an ordinary class. The ONDE value format is not public, so an unknown code only warns.
 */
export const FIRST_DEGREE_DISPOSITIFS: Readonly<Record<string, string>> = Object.freeze({
  ULIS: 'Unité localisée pour l’inclusion scolaire',
  UPE2A: 'Unité pédagogique pour élèves allophones arrivants',
  PAP: 'Plan d’accompagnement personnalisé',
  PPS: 'Projet personnalisé de scolarisation',
  PAI: 'Projet d’accueil individualisé',
  PPRE: 'Programme personnalisé de réussite éducative',
});

export function dispositifRules(context: ControlContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    for (const code of pupil.year.dispositifs) {
      if (Object.hasOwn(FIRST_DEGREE_DISPOSITIFS, code)) continue;
      anomalies.push({
        rule: RULES.dispositifs,
        severity: 'warning',
        entity: pupilEntity(pupil),
        field: yearField(context, 'dispositifs'),
        message: `dispositif « ${code} » inconnu (codes attendus : ${Object.keys(FIRST_DEGREE_DISPOSITIFS).join(', ')}) : ONDE pourrait le refuser`,
      });
    }
  }
  return anomalies;
}
