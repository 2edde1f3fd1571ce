import { type Anomaly, type ExportBuildContext, type Exporter, type ExportPlan, type SchoolSnapshot } from '@liaison/domain';
import { runOndeControl } from '../control/onde-control';
import { type OndeLabelTables } from '../options';
import { BE1D_FORMAT_ID } from '../plugin-id';
import { tableBytes } from './table-bytes';
import { zipArchive } from './zip-archive';

/** `BE1D/<UAI>/<UAI>.zip`, the folder and name of the seed's procedure (FORMAT.md §9.1). */
export const be1dPath = (uai: string) => `BE1D/${uai.toUpperCase()}/${uai.toUpperCase()}.zip`;

function planOf(snapshot: SchoolSnapshot, tables: OndeLabelTables) {
  const run = runOndeControl(snapshot, tables);
  const { anomalies, counts } = run.report;
  const plan: ExportPlan = {
    blocking: anomalies.filter((a: Anomaly) => a.severity === 'error'),
    warnings: anomalies.filter((a: Anomaly) => a.severity === 'warning'),
    counts: { pupils: counts.checked, guardians: run.context.files.guardians.rows.length, excluded: counts.excluded },
  };
  return { run, plan };
}

/**
 * The `<UAI>.zip` a director uploads in ONDE (« Effectuer un nouvel import »). Its inside is
 * not public: this is our documented adapter (docs/formats/onde-be1d.md), the writer alone
 * knows the layout, so the official one can replace it without touching the control.
 */
export function be1dExporter(tables: OndeLabelTables): Exporter {
  return {
    formatId: BE1D_FORMAT_ID,
    displayName: 'Base élèves 1er degré vers ONDE (<UAI>.zip)',
    status: 'adapter',
    plan: (snapshot) => planOf(snapshot, tables).plan,
    /**
     * Renders the snapshot; deciding whether it may be sent is `plan`'s job (« le rapport doit
     * être vierge »: the server refuses a live export while `plan.blocking` is not empty). Not
     * refusing here keeps a recorded export replayable byte for byte even if a later version
     * of the control finds more to say about the old data. Only a character the file cannot
     * hold stops the writer.
     */
    async build(snapshot: SchoolSnapshot, context: ExportBuildContext) {
      const { run, plan } = planOf(snapshot, tables);
      const { pupils, guardians } = run.context.files;
      const zip = await zipArchive(
        [
          { name: pupils.name, bytes: tableBytes(pupils) },
          { name: guardians.name, bytes: tableBytes(guardians) },
        ],
        context.producedAt,
      );
      return { files: [{ path: be1dPath(snapshot.uai), bytes: zip }], counts: plan.counts };
    },
  };
}
