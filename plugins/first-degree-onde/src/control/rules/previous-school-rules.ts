import { type Anomaly, isValidUai, type PreviousSchool } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { pupilEntity } from '../../school/entities';
import { type ScopedPupil } from '../../school/pupil-scope';
import { RULES } from '../rule-ids';

// CODE_PROVENANCE 5 is a French school abroad, 6 and 7 foreign schools, 8 « autre »: their UAI,
// if any, is not something a French school can be asked for.
const WITHOUT_UAI = new Set(['5', '6', '7', '8']);

/** Enrolled here during the previous year (and so known to ONDE as ours). */
function wasHereLastYear(pupil: ScopedPupil, year: number): boolean {
  const last = pupil.pupil.years[year - 1];
  return last !== undefined && last.status !== 'preinscrit' && last.entryDate !== undefined;
}

/** The record says the pupil was at another school: it names one, or its provenance, department, level or class. */
function saysAnotherSchool(previous: PreviousSchool | undefined, uai: string): previous is PreviousSchool {
  if (!previous || previous.uai === uai) return false;
  return [previous.uai, previous.provenance, previous.department, previous.formationCode, previous.classCode].some(
    (v) => v !== undefined,
  );
}

/**
 * §8 rule 7 (MyScol: « le code de l’école précédente, obligatoire si l’élève était dans une
 * autre école l’année précédente »). A pupil came from elsewhere when they were not enrolled
 * here in year − 1 and their previous school is recorded as another school (a UAI other than
 * ours, or a provenance, department, level or class). Such a pupil needs the UAI of that
 * school, unless the provenance is a school abroad (5, 6, 7) or « autre » (8). A pupil with no
 * previous school recorded is taken as schooled for the first time.
 */
export function previousSchoolRules(context: ControlContext): Anomaly[] {
  const { snapshot } = context;
  const anomalies: Anomaly[] = [];
  for (const pupil of context.scope.checked) {
    const previous = pupil.pupil.identity?.previousSchool;
    const entity = pupilEntity(pupil);
    if (previous?.uai !== undefined && !isValidUai(previous.uai)) {
      anomalies.push({
        rule: RULES.previousSchool,
        severity: 'error',
        entity,
        field: 'identity.previousSchool.uai',
        message: `UAI de l’école d’origine « ${previous.uai} » invalide : 7 chiffres et une lettre clé sont attendus`,
      });
      continue;
    }
    if (!saysAnotherSchool(previous, snapshot.uai) || wasHereLastYear(pupil, snapshot.year)) continue;
    if (previous.uai === undefined && !WITHOUT_UAI.has(previous.provenance ?? '')) {
      anomalies.push({
        rule: RULES.previousSchool,
        severity: 'error',
        entity,
        field: 'identity.previousSchool.uai',
        message:
          'UAI de l’école d’origine manquant : l’élève était dans une autre école l’an dernier, indiquez le code UAI de cette école',
      });
    }
  }
  return anomalies;
}
