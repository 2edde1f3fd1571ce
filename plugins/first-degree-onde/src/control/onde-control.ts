import { type Anomaly, type Control, type ControlReport, type SchoolSnapshot } from '@liaison/domain';
import { be1dTables } from '../export/be1d-tables';
import { type OndeLabelTables } from '../options';
import { PLUGIN_ID } from '../plugin-id';
import { pupilScope } from '../school/pupil-scope';
import { countCompliance } from './compliance';
import { type ControlContext, type ControlRule } from './control-context';
import { birthPlaceRules } from './rules/birth-place-rules';
import { classRules } from './rules/class-rules';
import { cycleLevelRules } from './rules/cycle-level-rules';
import { dispositifRules } from './rules/dispositif-rules';
import { establishmentRules } from './rules/establishment-rules';
import { guardianRules } from './rules/guardian-rules';
import { identityRules } from './rules/identity-rules';
import { ineRules } from './rules/ine-rules';
import { languageRules } from './rules/language-rules';
import { latin9Rules } from './rules/latin9-rules';
import { previousSchoolRules } from './rules/previous-school-rules';
import { pupilClassRules } from './rules/pupil-class-rules';
import { uniquenessRules } from './rules/uniqueness-rules';

/** In report order: the establishment, its classes, then each pupil check. */
const RULE_SET: readonly ControlRule[] = [
  establishmentRules,
  classRules,
  pupilClassRules,
  identityRules,
  birthPlaceRules,
  previousSchoolRules,
  guardianRules,
  languageRules,
  dispositifRules,
  ineRules,
  uniquenessRules,
  cycleLevelRules,
  latin9Rules,
];

export interface ControlRun {
  context: ControlContext;
  report: ControlReport;
}

/**
 * The « contrôle de cohérence » of FORMAT.md §8 on one snapshot. The exporter runs the same
 * function, so the export blocks on exactly what the control lists.
 */
export function runOndeControl(snapshot: SchoolSnapshot, tables: OndeLabelTables): ControlRun {
  const scope = pupilScope(snapshot);
  const used = new Set(scope.checked.map((p) => p.classCode));
  const context: ControlContext = {
    snapshot,
    scope,
    tables,
    classesInUse: snapshot.classes.filter((c) => c.classCode !== undefined && used.has(c.classCode)),
    files: be1dTables(snapshot, scope, tables),
  };
  const anomalies: Anomaly[] = RULE_SET.flatMap((rule) => rule(context));
  const { compliant, nonCompliant } = countCompliance(scope.checked, anomalies);
  return {
    context,
    report: {
      controlId: PLUGIN_ID,
      uai: snapshot.uai,
      year: snapshot.year,
      asOf: snapshot.asOf,
      anomalies,
      excluded: scope.excluded,
      counts: { checked: scope.checked.length, compliant, nonCompliant, excluded: scope.excluded.length },
    },
  };
}

export function ondeControl(tables: OndeLabelTables): Control {
  return {
    id: PLUGIN_ID,
    displayName: 'Contrôle de la base élèves avant l’export vers ONDE',
    run: (snapshot) => runOndeControl(snapshot, tables).report,
  };
}
