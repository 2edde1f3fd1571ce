import { type Anomaly, countPupils } from '@liaison/domain';
import { type ScopedPupil } from '../school/pupil-scope';

/**
 * « Élèves conformes / non conformes ». The contract's `countPupils` counts errors on pupils;
 * here an error on the pupil's class or on the establishment also makes the pupil non
 * compliant, since it blocks the export just the same: the seed's rule « exporter quand
 * Élève(s) non conforme(s) = 0 » then holds exactly when nothing blocks.
 */
export function countCompliance(
  checked: readonly ScopedPupil[],
  anomalies: readonly Anomaly[],
): { compliant: number; nonCompliant: number } {
  const errors = anomalies.filter((a) => a.severity === 'error');
  const establishmentFault = errors.some((a) => a.entity.kind === 'establishment');
  const faultyClasses = new Set(errors.filter((a) => a.entity.kind === 'class').map((a) => a.entity.id));
  const lifted: Anomaly[] = [...errors];
  for (const pupil of checked) {
    if (establishmentFault || faultyClasses.has(pupil.classCode)) {
      lifted.push({
        rule: 'classe-ou-etablissement',
        severity: 'error',
        entity: { kind: 'pupil', id: pupil.pupilId, label: pupil.label },
        message: '',
      });
    }
  }
  return countPupils(
    checked.map((p) => p.pupilId),
    lifted,
  );
}
