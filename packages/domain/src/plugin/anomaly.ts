/** What an anomaly is about; `id` is the pupilId, guardianId or class code. */
export interface AnomalyEntity {
  kind: 'establishment' | 'class' | 'pupil' | 'guardian';
  id: string;
  /** How a person reads it: « DUPONT Léa (CE2 A) ». */
  label: string;
}

/**
 * A failed control rule. `error` blocks the export, `warning` does not. The message is French
 * and says what to fix; `field` names the faulty field so a screen can open it.
 */
export interface Anomaly {
  rule: string;
  severity: 'error' | 'warning';
  entity: AnomalyEntity;
  field?: string;
  message: string;
}

/** Pupils a control leaves out of the export, listed apart (pre-enrolled, not placed). */
export interface ExcludedPupil {
  pupilId: string;
  label: string;
  reason: string;
}

export interface ControlReport {
  /** The plugin and rule set that produced it. */
  controlId: string;
  uai: string;
  year: number;
  asOf: number;
  anomalies: Anomaly[];
  excluded: ExcludedPupil[];
  counts: {
    /** Pupils checked (the ones the export would hold). */
    checked: number;
    /** « Élèves conformes ». */
    compliant: number;
    /** « Élèves non conformes »: pupils with at least one error. */
    nonCompliant: number;
    excluded: number;
  };
}

/** Counts the compliant and non-compliant pupils of a list of anomalies. */
export function countPupils(
  checkedPupilIds: readonly string[],
  anomalies: readonly Anomaly[],
): { compliant: number; nonCompliant: number } {
  const faulty = new Set(anomalies.filter((a) => a.severity === 'error' && a.entity.kind === 'pupil').map((a) => a.entity.id));
  const nonCompliant = checkedPupilIds.filter((id) => faulty.has(id)).length;
  return { compliant: checkedPupilIds.length - nonCompliant, nonCompliant };
}
