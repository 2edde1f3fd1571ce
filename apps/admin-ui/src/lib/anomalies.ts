import type { AnomalyDto, ControlReportDto } from '../api/types';

export interface EntityAnomalies {
  kind: AnomalyDto['entity']['kind'];
  id: string;
  label: string;
  errors: number;
  warnings: number;
  anomalies: AnomalyDto[];
}

/** Anomalies grouped by what they are about (pupils, classes, …), errors first, then by label. */
export function groupAnomalies(reports: readonly ControlReportDto[]): EntityAnomalies[] {
  const groups = new Map<string, EntityAnomalies>();
  for (const report of reports) {
    for (const a of report.anomalies) {
      const key = `${a.entity.kind}:${a.entity.id}`;
      let group = groups.get(key);
      if (!group) {
        group = { kind: a.entity.kind, id: a.entity.id, label: a.entity.label, errors: 0, warnings: 0, anomalies: [] };
        groups.set(key, group);
      }
      group.anomalies.push(a);
      if (a.severity === 'error') group.errors++;
      else group.warnings++;
    }
  }
  return [...groups.values()].sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || a.label.localeCompare(b.label, 'fr'));
}

export const anomaliesByPupil = (reports: readonly ControlReportDto[]) =>
  groupAnomalies(reports).filter((g) => g.kind === 'pupil');

export type PupilTab = 'general' | 'responsables' | 'scolarite' | 'an-prochain' | 'historique';

/**
 * Where a faulty field is edited: the pupil record's tab (and the field to focus), or the class
 * editor of the Structure screen. `field` is the anomaly's dotted path (`identity.birthPlace.city`,
 * `years.2026.lv1`, `guardians.R12.parentalAuthority`, `rectoratCode`).
 */
export type AnomalyTarget =
  | { kind: 'pupil'; pupilId: string; tab: PupilTab; field?: string }
  | { kind: 'class'; classCode: string; field?: string }
  | { kind: 'none' };

export function pupilTabOf(field: string | undefined): PupilTab {
  if (!field) return 'general';
  if (field.startsWith('guardians')) return 'responsables';
  if (/^years\.\d{4}\.plan/.test(field)) return 'an-prochain';
  if (field.startsWith('years')) return 'scolarite';
  return 'general';
}

export function anomalyTarget(anomaly: AnomalyDto): AnomalyTarget {
  const { entity, field } = anomaly;
  if (entity.kind === 'pupil') return { kind: 'pupil', pupilId: entity.id, tab: pupilTabOf(field), ...(field ? { field } : {}) };
  if (entity.kind === 'class') return { kind: 'class', classCode: entity.id, ...(field ? { field } : {}) };
  return { kind: 'none' };
}

/**
 * The `data-field` names of the form to try for an anomaly's field, most precise first:
 * `years.2026.lv1` → `years.lv1`; `identity.birthPlace.city` → itself, then `identity.birthPlace`.
 */
export function fieldCandidates(field: string): string[] {
  const normalised = field.replace(/^years\.\d{4}\./, 'years.');
  const parts = normalised.split('.');
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('.'));
  return out;
}
