import { type Anomaly, type ExportBuildContext, type Exporter, type ExportPlan, type SchoolSnapshot } from '@liaison/domain';
import { runOndeControl } from '../control/onde-control';
import { type OndeLabelTables } from '../options';
import { BE1D_FORMAT_ID } from '../plugin-id';
import { deterministicZip } from './deterministic-zip';
import { tableBytes } from './table-bytes';

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
    build(snapshot: SchoolSnapshot, context: ExportBuildContext) {
      const { run, plan } = planOf(snapshot, tables);
      // « Le rapport doit être vierge » (Aplon, Charlemagne): never write a file the control refuses.
      if (plan.blocking.length > 0) {
        throw new Error(
          `export ONDE refusé : ${plan.blocking.length} anomalie(s) bloquante(s), ${run.report.counts.nonCompliant} élève(s) non conforme(s) — lancez le contrôle et corrigez-les`,
        );
      }
      const { pupils, guardians } = run.context.files;
      const zip = deterministicZip(
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
