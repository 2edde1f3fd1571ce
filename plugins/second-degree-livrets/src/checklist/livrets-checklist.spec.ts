import { type RecordedEvent } from '@liaison/events';
import { livretsChecklist } from './livrets-checklist';

const produced = (formatId: string, year: number): RecordedEvent =>
  ({
    type: 'ExportProduced',
    data: { formatId, year, uai: '0750680G' },
  }) as unknown as RecordedEvent;

describe('checklist steps 8 and 9', () => {
  const [parcoursup, lsu] = livretsChecklist();

  it('are the seed’s steps 8 (Parcoursup, premières) and 9 (LSU, collèges), « Avant le 14 juillet »', () => {
    expect(parcoursup).toMatchObject({
      id: 'second-degree-livrets:8',
      order: 8,
      title: 'Dans Liaison : remontée PARCOURSUP pour les classes de première en lycée',
      window: 'Avant le 14 juillet',
    });
    expect(lsu).toMatchObject({
      id: 'second-degree-livrets:9',
      order: 9,
      title: 'Dans Liaison : remontée LSU pour les collèges',
      window: 'Avant le 14 juillet',
    });
  });

  it('are done by an export of the year before: LSU for step 9, LSL or Parcoursup for step 8', () => {
    expect(lsu!.completedBy!.eventTypes).toEqual(['ExportProduced']);
    expect(lsu!.completedBy!.matches(produced('lsu.bilans', 2024), 2025)).toBe(true);
    expect(lsu!.completedBy!.matches(produced('lsu.bilans', 2025), 2025)).toBe(false);
    expect(lsu!.completedBy!.matches(produced('lsl.livret', 2024), 2025)).toBe(false);
    expect(parcoursup!.completedBy!.matches(produced('lsl.livret', 2024), 2025)).toBe(true);
    expect(parcoursup!.completedBy!.matches(produced('parcoursup.notes', 2024), 2025)).toBe(true);
    expect(parcoursup!.completedBy!.matches(produced('lsu.bilans', 2024), 2025)).toBe(false);
    expect(parcoursup!.completedBy!.matches(produced('lsl.livret', 2023), 2025)).toBe(false);
  });
});
