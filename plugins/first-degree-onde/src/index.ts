import { type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';
import { ondeControl } from './control/onde-control';
import { ondeChecklist } from './checklist/onde-checklist';
import { be1dExporter } from './export/be1d-exporter';
import { extractionImporter } from './extraction/extraction-importer';
import { formationsImporter } from './nomenclature/formations-importer';
import { labelTables, type OndePluginOptions } from './options';
import { PLUGIN_ID } from './plugin-id';

/**
 * First-degree plugin (ONDE): the yearly nomenclature import, the « contrôle de cohérence »,
 * the `<UAI>.zip` export, the INE integration from an ONDE extraction, and the steps of the
 * seed's first-degree procedure for the yearly checklist. The server calls it
 * without options; `options.labels` swaps the code → label tables the writer prints with.
 */
export function createPlugin(options: OndePluginOptions = {}): LiaisonPlugin {
  const tables = labelTables(options);
  return {
    manifest: {
      id: PLUGIN_ID,
      degree: 'first',
      displayName: 'Premier degré — ONDE',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'onde_',
    },
    importers: [formationsImporter(), extractionImporter()],
    exporters: [be1dExporter(tables)],
    controls: [ondeControl(tables)],
    checklist: ondeChecklist(),
  };
}

export { PLUGIN_ID, BE1D_FORMAT_ID, EXTRACTION_FORMAT_ID, FORMATS_FORMAT_ID } from './plugin-id';
export { type OndeLabelTables, type OndePluginOptions, labelTables } from './options';
export { RULES as ONDE_RULES } from './control/rule-ids';
export { runOndeControl } from './control/onde-control';
export { readPupilExtraction, type ExtractionPupil, type PupilExtraction } from './extraction/extraction-reader';
export { parseNomenclatureFile } from './nomenclature/nomenclature-file';
export { be1dPath } from './export/be1d-exporter';
export { DEFAULT_CYCLE_LABELS } from './labels/cycles';
export { DEFAULT_CONTRACT_LABELS } from './labels/contracts';
export { DEFAULT_LINK_LABELS } from './labels/guardian-links';
export { DEFAULT_LEVEL_CODES } from './labels/levels';
export { FIRST_DEGREE_DISPOSITIFS } from './control/rules/dispositif-rules';
export { ondeChecklist } from './checklist/onde-checklist';
