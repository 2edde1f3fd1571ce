import { type Anomaly, type PupilState } from '@liaison/domain';

/** « DUPONT Léa (3A) »: how a person reads a pupil in a report. */
export function pupilLabel(pupil: PupilState, year: number): string {
  const identity = pupil.identity;
  const name = identity
    ? `${(identity.usageName ?? identity.lastName).toUpperCase()} ${identity.firstName}`
    : (pupil.pupilId ?? '?');
  const classCode = pupil.years[year]?.classCode;
  return classCode ? `${name} (${classCode})` : name;
}

/** Anomalies found while building a file, by severity, in the order found. */
export class AnomalyList {
  readonly items: Anomaly[] = [];

  pupil(rule: string, severity: Anomaly['severity'], pupil: PupilState, year: number, message: string, field?: string): void {
    this.items.push({
      rule,
      severity,
      entity: { kind: 'pupil', id: pupil.pupilId ?? '?', label: pupilLabel(pupil, year) },
      message,
      ...(field ? { field } : {}),
    });
  }

  establishment(rule: string, severity: Anomaly['severity'], uai: string, label: string, message: string, field?: string): void {
    this.items.push({ rule, severity, entity: { kind: 'establishment', id: uai, label }, message, ...(field ? { field } : {}) });
  }

  add(...anomalies: Anomaly[]): void {
    this.items.push(...anomalies);
  }

  get errors(): Anomaly[] {
    return this.items.filter((a) => a.severity === 'error');
  }

  get warnings(): Anomaly[] {
    return this.items.filter((a) => a.severity === 'warning');
  }
}
