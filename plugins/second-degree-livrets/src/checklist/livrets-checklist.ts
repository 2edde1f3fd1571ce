import { type ChecklistCompletion, type ChecklistStep, completedByExport } from '@liaison/domain';
import { ExportProduced, type EventData, type RecordedEvent } from '@liaison/events';
import { LSL_FORMAT_ID, LSU_FORMAT_ID, PARCOURSUP_FORMAT_ID, PLUGIN_ID } from '../format-ids';

/**
 * An export of one of the formats for the year before the checklist's: the livrets of year Y-1's
 * pupils are sent in the summer that prepares the rentrée of Y (PRODUCT.md, "Checklists").
 */
function completedByExportOf(formatIds: readonly string[], description: string): ChecklistCompletion {
  return {
    eventTypes: [ExportProduced.type],
    description,
    matches: (event: RecordedEvent, year: number) => {
      const d = event.data as EventData<typeof ExportProduced>;
      return event.type === ExportProduced.type && formatIds.includes(d.formatId) && d.year === year - 1;
    },
  };
}

/**
 * Steps 8 and 9 of the seed's second-degree calendar, numbered as the seed numbers them:
 * « 8. Dans Charlemagne Notes : remontée PARCOURSUP pour les classes de première en lycée » and
 * « 9. Dans Charlemagne Compétences : remontée LSU pour les collèges », both « Avant le 14
 * juillet » (Liaison stands where the seed says Charlemagne). An export of year Y-1 completes the
 * step of checklist Y: the LSL file or the Parcoursup adapter for step 8, the LSU file for step 9.
 */
export function livretsChecklist(): ChecklistStep[] {
  return [
    {
      id: `${PLUGIN_ID}:8`,
      order: 8,
      title: 'Dans Liaison : remontée PARCOURSUP pour les classes de première en lycée',
      reference: 'Cf. les aides en ligne, Liaison Rectorat',
      window: 'Avant le 14 juillet',
      completedBy: completedByExportOf(
        [LSL_FORMAT_ID, PARCOURSUP_FORMAT_ID],
        `export du livret des premières (${LSL_FORMAT_ID}) ou des notes pour Parcoursup (${PARCOURSUP_FORMAT_ID}) de l’année précédente`,
      ),
    },
    {
      id: `${PLUGIN_ID}:9`,
      order: 9,
      title: 'Dans Liaison : remontée LSU pour les collèges',
      reference: 'Cf. les aides en ligne, Liaison Rectorat',
      window: 'Avant le 14 juillet',
      completedBy: completedByExport(LSU_FORMAT_ID, `export des bilans LSU (${LSU_FORMAT_ID}) de l’année précédente`, -1),
    },
  ];
}
