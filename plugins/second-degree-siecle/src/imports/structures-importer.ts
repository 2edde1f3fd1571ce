import { type Importer, type ImportPlan } from '@liaison/domain';
import { sourceOf, STRUCTURES_FORMAT_ID } from './format-ids';
import { refuseFirstDegree } from './guard';
import { readStructuresFile } from './structures-file';
import { structureRows } from './structure-rows';

/**
 * « Importation des structures » (seed, step 7): `Structures.xml` of the year (root
 * BEE_STRUCTURES). Divisions become the year's classes with their MEFs (`CreateClass`,
 * `AssignFormation`, and `SetClassContract` from CODE_CONTRAT) where Liaison lacks them;
 * groups stay reference data; differences are reported, never deleted.
 */
export function structuresImporter(): Importer<Promise<ImportPlan>> {
  return {
    formatId: STRUCTURES_FORMAT_ID,
    displayName: 'Structures SIECLE (Structures.xml)',
    status: 'official',
    async parse(bytes, context): Promise<ImportPlan> {
      refuseFirstDegree(context.snapshot);
      const file = await readStructuresFile(bytes, { uai: context.uai, year: context.year });
      const { rows, notes } = structureRows(file.divisions, file.groups, context.snapshot, {
        uai: context.uai,
        year: context.year,
        source: sourceOf(context.fileName),
      });
      return {
        rows,
        notes: [
          `fichier ${context.fileName}${file.version ? ` (BEE_STRUCTURES version ${file.version})` : ''}`,
          ...file.notes,
          ...notes,
        ],
        successMessage: `Import des structures réussi : ${file.divisions.length} division(s), ${file.groups.length} groupe(s)`,
      };
    },
  };
}
