import { resolve } from 'node:path';
import { type Exporter, type ExportPlan, type SchoolSnapshot } from '@liaison/domain';
import { runSiecleControl } from '../control/siecle-control';
import { SIECLE_SEND_EVENT_TYPES } from '../events/send-events';
import { prepareSend } from '../send/prepare-send';
import { IMPORT_PRIVE_FORMAT_ID } from './format-ids';
import { sendNumberOf } from './import-prive-send';
import { importPriveBaseName, renderImportPrive } from './import-prive-writer';
import { zipArchive } from './zip-archive';

/** The folder of the XSDs the plugin ships (`plugins/second-degree-siecle/xsd/`), from `src/export` or `dist/export`. */
export const XSD_DIR = resolve(__dirname, '../../xsd');
/** The official schema every file is validated against before it is written. */
export const IMPORT_PRIVE_XSD = resolve(XSD_DIR, 'schema_Import_3.1.xsd');

/** `SIECLE/<UAI>/<base>.zip`. */
export const importPrivePath = (uai: string, base: string) => `SIECLE/${uai.toUpperCase()}/${base}.zip`;

function planOf(snapshot: SchoolSnapshot) {
  const run = runSiecleControl(snapshot);
  const { anomalies } = run.report;
  const plan: ExportPlan = {
    blocking: anomalies.filter((a) => a.severity === 'error'),
    warnings: anomalies.filter((a) => a.severity === 'warning'),
    counts: {
      pupils: run.send.run.document.pupils.length,
      leaving: run.send.run.document.pupils.filter((p) => p.exit !== undefined).length,
      guardians: run.send.run.document.persons.length,
      excluded: run.report.counts.excluded,
      newPupilIds: run.send.ids.newPupils.length,
      newGuardianIds: run.send.ids.newGuardians.length,
    },
  };
  return { run, plan };
}

/**
 * The private-school pupil import into SIECLE (« Importations / Dossiers depuis logiciel
 * privé »): `IMPORT_ELEVES` following XSD 3.1, ISO-8859-15, named
 * `<UAI>PRIVE<YYYY><YYMMDDhhmmss>.xml` in a zip of the same base name. The file is the whole
 * list: enrolled pupils and pupils who left during the year (ELEVE_SORTANT).
 */
export function importPriveExporter(): Exporter {
  return {
    formatId: IMPORT_PRIVE_FORMAT_ID,
    displayName: 'Import du privé dans SIECLE (IMPORT_ELEVES 3.1)',
    status: 'official',
    bookkeepingEventTypes: SIECLE_SEND_EVENT_TYPES,
    prepare: prepareSend,
    plan: (snapshot) => planOf(snapshot).plan,
    /**
     * Renders the snapshot; whether it may be sent is `plan`'s job. Private ids and the send
     * number come from the send ledger as of the snapshot (recorded by `prepare`); ids a
     * pupil or person does not have yet are numbered as `prepare` would number them.
     */
    async build(snapshot, context) {
      const { run, plan } = planOf(snapshot);
      const send = run.send;
      if (send.ids.exhausted)
        throw new Error(plan.blocking.find((a) => a.rule === 'identifiants-epuises')?.message ?? 'identifiants SIECLE épuisés');
      const base = importPriveBaseName(snapshot.uai, snapshot.year, context.producedAt);
      const sendNumber = sendNumberOf(send, snapshot.year);
      const xml = renderImportPrive(
        { uai: snapshot.uai, year: snapshot.year, producedAt: context.producedAt, sendNumber },
        send.donnees,
      );
      const name = `${base}.xml`;
      const { newPupilIds: _p, newGuardianIds: _g, ...counts } = plan.counts;
      return {
        files: [
          { path: importPrivePath(snapshot.uai, base), bytes: await zipArchive([{ name, bytes: xml }], context.producedAt) },
        ],
        counts: { ...counts, sendNumber },
        xmlDocuments: [{ name, bytes: xml, xsdPath: IMPORT_PRIVE_XSD }],
      };
    },
  };
}
