import { type Exporter, type ExportPlan, parisDateTime, type SchoolSnapshot } from '@liaison/domain';
import { LSU_FORMAT_ID } from '../format-ids';
import { livretScope } from '../model/scope';
import { checkLsuDocument } from './lsu-checks';
import { mapLsu } from './lsu-mapper';
import { writeLsu } from './lsu-writer';

/** `LSU/<UAI>/LSU-<UAI>-<YYYY>.xml`: one file per establishment and year, every period in it. */
export const lsuPath = (uai: string, year: number) => `LSU/${uai}/LSU-${uai}-${year}.xml`;

function planOf(snapshot: SchoolSnapshot, lockInstant: string) {
  const mapping = mapLsu(snapshot, parisDateTime(lockInstant));
  // The built document is checked once the mapping found nothing: a pupil blocked for a missing
  // ELEVE_ID is named once, not again for each consequence (an empty id, a dangling reference).
  const checks =
    mapping.anomalies.errors.length > 0
      ? []
      : checkLsuDocument(mapping.document, { schema: mapping.schema, pupils: mapping.pupils, year: snapshot.year });
  const plan: ExportPlan = {
    blocking: [...mapping.anomalies.errors, ...checks],
    warnings: mapping.anomalies.warnings,
    counts: { ...mapping.counts },
  };
  return { mapping, plan };
}

/**
 * « Remontée LSU pour les collèges » (seed, step 9): the LSU import file of the collège's
 * periodic and end-of-cycle bilans, UTF-8, validated against the campaign's XSD (the 2020 one by
 * default) before it is written. `plan` is the pre-export control: every pupil who would make the
 * file invalid or wrong is named, and blocks the export.
 */
export function lsuExporter(): Exporter {
  return {
    formatId: LSU_FORMAT_ID,
    displayName: 'LSU : bilans périodiques et de fin de cycle du collège (import éditeur)',
    status: 'official',
    scope: (snapshot, core) => livretScope(snapshot, 'lsu', core),
    plan: (snapshot) => planOf(snapshot, snapshot.asOfTime).plan,
    build(snapshot, context) {
      const { mapping, plan } = planOf(snapshot, context.producedAt);
      const first = plan.blocking[0];
      if (first)
        throw new Error(
          `export LSU impossible (${plan.blocking.length} anomalie(s) bloquante(s)) : ${first.entity.label} : ${first.message}`,
        );
      const bytes = writeLsu(mapping.document, { schemaFile: mapping.schema.file });
      const path = lsuPath(snapshot.uai, snapshot.year);
      return {
        files: [{ path, bytes }],
        counts: plan.counts,
        xmlDocuments: [{ name: path.split('/').pop()!, bytes, xsdPath: mapping.schema.xsdPath }],
      };
    },
  };
}
