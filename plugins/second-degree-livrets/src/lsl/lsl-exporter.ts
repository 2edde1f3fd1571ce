import { type Exporter, type ExportPlan, type SchoolSnapshot } from '@liaison/domain';
import { LSL_FORMAT_ID } from '../format-ids';
import { livretScope } from '../model/scope';
import { checkLslDocument } from './lsl-checks';
import { mapLsl } from './lsl-mapper';
import { writeLsl } from './lsl-writer';

/** `LSL/<UAI>/LSL-<UAI>-<YYYY>.xml`. */
export const lslPath = (uai: string, year: number) => `LSL/${uai}/LSL-${uai}-${year}.xml`;

function planOf(snapshot: SchoolSnapshot) {
  const mapping = mapLsl(snapshot);
  // The built document is checked once the mapping found nothing: a pupil blocked for a missing
  // ELEVE_ID is named once, not again for each consequence (an empty id, a dangling reference).
  const checks =
    mapping.anomalies.errors.length > 0
      ? []
      : checkLslDocument(mapping.document, { schema: mapping.schema, pupils: mapping.pupils, year: snapshot.year });
  const plan: ExportPlan = {
    blocking: [...mapping.anomalies.errors, ...checks],
    warnings: mapping.anomalies.warnings,
    counts: { ...mapping.counts },
  };
  return { mapping, plan };
}

/**
 * The LSL import file of the classes de première, in the only public format: the pre-reform
 * `schemaVersion` 1.0 (LSL FORMAT.md: no post-2021 XSD is public). Validated against
 * `import-lsl_1.xsd` by default. The post-2021 Parcoursup upload is the separate adapter
 * `parcoursup.notes`.
 */
export function lslExporter(): Exporter {
  return {
    formatId: LSL_FORMAT_ID,
    displayName: 'LSL : livret scolaire du lycée, classes de première (schéma public 1.0)',
    status: 'official',
    scope: (snapshot, core) => livretScope(snapshot, 'lsl', core),
    plan: (snapshot) => planOf(snapshot).plan,
    build(snapshot) {
      const { mapping, plan } = planOf(snapshot);
      const first = plan.blocking[0];
      if (first)
        throw new Error(
          `export LSL impossible (${plan.blocking.length} anomalie(s) bloquante(s)) : ${first.entity.label} : ${first.message}`,
        );
      const bytes = writeLsl(mapping.document, { schemaFile: mapping.schema.file });
      const path = lslPath(snapshot.uai, snapshot.year);
      return {
        files: [{ path, bytes }],
        counts: plan.counts,
        xmlDocuments: [{ name: path.split('/').pop()!, bytes, xsdPath: mapping.schema.xsdPath }],
      };
    },
  };
}
