import { type Importer } from '@liaison/domain';
import { elevesImporter } from './eleves-importer';
import { nomenclatureImporter } from './nomenclature-importer';
import { responsablesImporter } from './responsables-importer';
import { stsEmpImporter } from './sts-emp-importer';
import { structuresImporter } from './structures-importer';

/**
 * The SIECLE and STS-web importers, in the order of the seed's procedure: nomenclatures, then
 * structures (SIECLE's or STS-web's), then the pupils' and families' ids.
 */
export const siecleImporters: Importer[] = [
  nomenclatureImporter(),
  structuresImporter(),
  stsEmpImporter(),
  elevesImporter(),
  responsablesImporter(),
];

export { elevesImporter, nomenclatureImporter, responsablesImporter, stsEmpImporter, structuresImporter };
export {
  ELEVES_FORMAT_ID,
  NOMENCLATURE_FORMAT_ID,
  RESPONSABLES_FORMAT_ID,
  STRUCTURES_FORMAT_ID,
  STS_EMP_FORMAT_ID,
} from './format-ids';
export { readNomenclatureFile, type NomenclatureFile, CODE_LIST_LAYOUT } from './nomenclature-file';
export { readStructuresFile, type StructuresFile } from './structures-file';
export { readStsEmpFile, type StsEmpFile } from './sts-emp-file';
export { readElevesFile, inesOf, type BeeEleve, type BeeEleveOption, type ElevesFile } from './eleves-file';
export { readResponsablesFile, type BeeLien, type BeePersonne, type ResponsablesFile } from './responsables-file';
export { LANGUAGE_SUBJECT, languageOf } from './nomenclature-importer';
export { tieredMatch, type MatchOutcome, type MatchTier } from './matching';
export { normaliseName } from './names';
