import { type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';
import { livretsChecklist } from './checklist/livrets-checklist';
import { livretCommands } from './commands/definitions';
import { cycleBilansImporter } from './csv/cycle-bilans-importer';
import { evaluationsImporter } from './csv/evaluations-importer';
import { livretsDemo } from './demo/livrets-demo';
import { pupilEvents } from './events/pupil-events';
import { LIVRET_STREAM_KIND, LIVRET_YEAR_STREAM_KIND } from './events/streams';
import { yearEvents } from './events/year-events';
import { PLUGIN_ID } from './format-ids';
import { lslExporter } from './lsl/lsl-exporter';
import { lsuExporter } from './lsu/lsu-exporter';
import { pupilLivretAggregate } from './model/pupil-livret';
import { yearLivretAggregate } from './model/year-livret';
import { parcoursupExporter } from './parcoursup/parcoursup-exporter';

/**
 * Second-degree plugin « livrets »: the assessments the grade book hands over (one stream per
 * pupil and year, `livret-<UAI>-<YYYY>-<pupilId>`, and the year's shared data,
 * `livretannee-<UAI>-<YYYY>`), their CSV imports (a period's evaluations, the end-of-cycle
 * bilans), the LSU file of the collège bilans, the LSL file of the classes de première and the
 * Parcoursup adapter, checklist steps 8 and 9, and its part of the demo. It reads the SIECLE plugin's reference events (subjects, STS-web teachers and
 * services) and the core facts SIECLE imports fill (ELEVE_IDs), and nothing else of it.
 */
export function createPlugin(): LiaisonPlugin {
  return {
    manifest: {
      id: PLUGIN_ID,
      degree: 'second',
      displayName: 'Second degré — livrets scolaires (LSU collège, LSL et Parcoursup lycée)',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'livrets_',
      requires: ['second-degree-siecle'],
    },
    events: [...pupilEvents, ...yearEvents],
    commands: livretCommands,
    aggregates: {
      [LIVRET_STREAM_KIND]: pupilLivretAggregate,
      [LIVRET_YEAR_STREAM_KIND]: yearLivretAggregate,
    } as LiaisonPlugin['aggregates'],
    importers: [evaluationsImporter(), cycleBilansImporter()],
    exporters: [lsuExporter(), lslExporter(), parcoursupExporter()],
    checklist: livretsChecklist(),
    demo: livretsDemo,
  };
}

export {
  PLUGIN_ID,
  EVALUATIONS_FORMAT_ID,
  CYCLE_BILANS_FORMAT_ID,
  LSU_FORMAT_ID,
  LSL_FORMAT_ID,
  PARCOURSUP_FORMAT_ID,
} from './format-ids';
export { lsuExporter, lsuPath } from './lsu/lsu-exporter';
export { lslExporter, lslPath } from './lsl/lsl-exporter';
export { parcoursupExporter, parcoursupPath } from './parcoursup/parcoursup-exporter';
export { evaluationsImporter } from './csv/evaluations-importer';
export { cycleBilansImporter } from './csv/cycle-bilans-importer';
export { readLsu } from './lsu/lsu-reader';
export { writeLsu } from './lsu/lsu-writer';
export { readLsl } from './lsl/lsl-reader';
export { writeLsl } from './lsl/lsl-writer';
export { type LsuDocument } from './lsu/lsu-document';
export { type LslDocument } from './lsl/lsl-document';
export { LSU_SCHEMAS, DEFAULT_LSU_SCHEMA } from './lsu/lsu-schemas';
export { LSL_SCHEMAS, DEFAULT_LSL_SCHEMA } from './lsl/lsl-schemas';
export { livretsChecklist } from './checklist/livrets-checklist';
export { livretsDemo } from './demo/livrets-demo';
export { livretCommands } from './commands/definitions';
export { pupilLivretAggregate, type PupilLivretState } from './model/pupil-livret';
export { yearLivretAggregate, type YearLivretState } from './model/year-livret';
