import { type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';
import { siecleChecklist } from './checklist/siecle-checklist';
import { siecleControl } from './control/siecle-control';
import { effectifsExporter } from './effectifs/effectifs-exporter';
import { effectifsReport } from './effectifs/effectifs-report';
import { siecleDemo } from './demo/siecle-demo';
import { referenceEvents } from './events/reference-events';
import { sendEvents } from './events/send-events';
import { PLUGIN_ID } from './export/format-ids';
import { importPriveExporter } from './export/import-prive-exporter';
import { siecleImporters } from './imports';
import { referenceAggregate, referenceCommands } from './reference';
import { sendCommands } from './send/send-commands';
import { sendAggregate } from './send/send-evolve';
import { SIECLE_STREAM_KIND } from './send/send-state';
import { omogenChannel } from './omogen/omogen-channel';

/**
 * Second-degree plugin (SIECLE / STS-web): the SIECLE and STS-web imports and their reference
 * data (`siecleref-<UAI>-<YYYY>`), the private-school pupil import into SIECLE (`IMPORT_ELEVES`
 * 3.1) with its send ledger (`siecle-<UAI>`: private ids, send numbers, sends), the
 * start-of-year head-counts and the SIECLE control.
 */
export function createPlugin(): LiaisonPlugin {
  return {
    manifest: {
      id: PLUGIN_ID,
      degree: 'second',
      displayName: 'Second degré — SIECLE / STS-web',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'siecle_',
    },
    events: [...referenceEvents, ...sendEvents],
    commands: [...referenceCommands, ...sendCommands],
    aggregates: { siecleref: referenceAggregate, [SIECLE_STREAM_KIND]: sendAggregate } as LiaisonPlugin['aggregates'],
    importers: siecleImporters,
    exporters: [importPriveExporter(), effectifsExporter()],
    controls: [siecleControl()],
    checklist: siecleChecklist(),
    channels: [omogenChannel],
    reports: [effectifsReport()],
    demo: siecleDemo,
  };
}

export { PLUGIN_ID, IMPORT_PRIVE_FORMAT_ID, EFFECTIFS_FORMAT_ID } from './export/format-ids';
export { importPriveExporter, importPrivePath, IMPORT_PRIVE_XSD, XSD_DIR } from './export/import-prive-exporter';
export { importPriveBaseName, SCHEMA_VERSION, SOFTWARE_NAME } from './export/import-prive-writer';
export {
  effectifs,
  countDate,
  type Effectifs,
  type MefHeadCount,
  type DivisionHeadCount,
  type HeadCount,
} from './effectifs/effectifs';
export { effectifsCsv, EFFECTIFS_HEADER } from './effectifs/effectifs-csv';
export { effectifsExporter, effectifsPath } from './effectifs/effectifs-exporter';
export { effectifsLines, effectifsReport } from './effectifs/effectifs-report';
export { runSiecleControl, siecleControl } from './control/siecle-control';
export { siecleChecklist } from './checklist/siecle-checklist';
export { RULES as SIECLE_RULES } from './control/rule-ids';
export { sendAggregate, evolveSiecleSend } from './send/send-evolve';
export { sendCommands, MAX_PRIVATE_ID } from './send/send-commands';
export { prepareSend } from './send/prepare-send';
export { sendStateOf, resolvePrivateIds } from './send/private-ids';
export {
  initialSiecleSendState,
  siecleStreamId,
  SIECLE_STREAM_KIND,
  type SentPupil,
  type SentSnapshot,
  type SiecleSendState,
} from './send/send-state';
