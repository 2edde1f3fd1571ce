import type { AnomalyDto, ControlReportDto } from '../api/types';
import { anomalyTarget, fieldCandidates, groupAnomalies, pupilTabOf } from './anomalies';

const anomaly = (over: Partial<AnomalyDto>): AnomalyDto => ({
  rule: 'r',
  severity: 'error',
  entity: { kind: 'pupil', id: 'E1', label: 'DUPONT Léa (CE2)' },
  message: 'm',
  ...over,
});

describe('anomalies', () => {
  it('opens the record on the tab that holds the faulty field', () => {
    expect(pupilTabOf('identity.birthPlace')).toBe('general');
    expect(pupilTabOf('ine')).toBe('general');
    expect(pupilTabOf('guardians.R1.parentalAuthority')).toBe('responsables');
    expect(pupilTabOf('years.2026.lv1')).toBe('scolarite');
    expect(pupilTabOf('years.2026.plan.decision')).toBe('an-prochain');
    expect(pupilTabOf(undefined)).toBe('general');
  });

  it('sends class anomalies to the class editor', () => {
    expect(
      anomalyTarget(anomaly({ entity: { kind: 'class', id: 'CE1-CE2', label: 'classe CE1-CE2' }, field: 'rectoratCode' })),
    ).toEqual({
      kind: 'class',
      classCode: 'CE1-CE2',
      field: 'rectoratCode',
    });
    expect(anomalyTarget(anomaly({ field: 'years.2026.lv1' }))).toEqual({
      kind: 'pupil',
      pupilId: 'E1',
      tab: 'scolarite',
      field: 'years.2026.lv1',
    });
    expect(anomalyTarget(anomaly({ entity: { kind: 'establishment', id: 'X', label: 'x' } }))).toEqual({ kind: 'none' });
  });

  it('tries the most precise form field first', () => {
    expect(fieldCandidates('years.2026.lv1')).toEqual(['years.lv1', 'years']);
    expect(fieldCandidates('identity.birthPlace.city')).toEqual(['identity.birthPlace.city', 'identity.birthPlace', 'identity']);
  });

  it('groups by entity, errors first', () => {
    const report = {
      anomalies: [
        anomaly({ severity: 'warning', entity: { kind: 'pupil', id: 'E2', label: 'ARNAUD Zoé' } }),
        anomaly({}),
        anomaly({ field: 'ine', severity: 'warning' }),
      ],
    } as ControlReportDto;
    const groups = groupAnomalies([report]);
    expect(groups.map((g) => [g.id, g.errors, g.warnings])).toEqual([
      ['E1', 1, 1],
      ['E2', 0, 1],
    ]);
  });
});
