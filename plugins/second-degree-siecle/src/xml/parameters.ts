import { checkUai, ImportFileError, schoolYearLabel } from '@liaison/domain';
import { attribute, child, text, type XmlNode } from './nodes';

/** What a file says about itself in `PARAMETRES`: whose it is, of which year, when it was made. */
export interface FileParameters {
  /** `UAJ` as written (may be malformed in test data: `123ABC`). */
  uai?: string;
  /** `ANNEE_SCOLAIRE` as written: the starting year (`2019` = 2019-2020). */
  year?: string;
  /** `DATE_EXPORT`, as written (`DD/MM/YYYY`). */
  exportDate?: string;
  /** `HORODATAGE`, as written (`DD/MM/YYYY HH:MM:SS`, Paris time, FORMAT.md §2). */
  timestamp?: string;
}

/** `PARAMETRES` of a BEE export (`BEE_ELEVES`, `BEE_NOMENCLATURES`…): values are child elements. */
export function readBeeParameters(root: XmlNode): FileParameters {
  const p = child(root, 'PARAMETRES');
  const found: FileParameters = {};
  const uai = text(p, 'UAJ', 'UAI', 'RNE');
  const year = text(p, 'ANNEE_SCOLAIRE');
  const exportDate = text(p, 'DATE_EXPORT');
  const timestamp = text(p, 'HORODATAGE');
  if (uai !== undefined) found.uai = uai;
  if (year !== undefined) found.year = year;
  if (exportDate !== undefined) found.exportDate = exportDate;
  if (timestamp !== undefined) found.timestamp = timestamp;
  return found;
}

/**
 * `PARAMETRES` of an STS-web file (`STS_EDT`): `<UAJ CODE="…">` and `<ANNEE_SCOLAIRE ANNEE="…">`
 * (FORMAT.md §7.2); a text value is accepted too.
 */
export function readStsParameters(root: XmlNode): FileParameters {
  const p = child(root, 'PARAMETRES');
  const uajNode = child(p, 'UAJ', 'UAI');
  const yearNode = child(p, 'ANNEE_SCOLAIRE');
  const found: FileParameters = {};
  const uai = attribute(uajNode, 'CODE') ?? text(p, 'UAJ', 'UAI');
  const year = attribute(yearNode, 'ANNEE') ?? text(p, 'ANNEE_SCOLAIRE');
  const timestamp = text(p, 'HORODATAGE');
  if (uai !== undefined) found.uai = uai;
  if (year !== undefined) found.year = year;
  if (timestamp !== undefined) found.timestamp = timestamp;
  return found;
}

/**
 * Refuses a file that is not the target establishment's, or not of the target year
 * (PRODUCT.md « Imports »): a missing or malformed UAJ, another UAJ, a missing or other year.
 * Each refusal is an `ImportFileError` that says, in French, whose and which year the file is.
 */
export function assertFileTarget(found: FileParameters, target: { uai: string; year: number }): void {
  if (found.uai === undefined) {
    throw new ImportFileError(
      `le fichier ne porte pas d’UAJ (PARAMETRES/UAJ) : impossible de vérifier qu’il est celui de l’établissement ${target.uai}`,
    );
  }
  const uaiProblem = checkUai(found.uai.toUpperCase());
  if (uaiProblem) {
    throw new ImportFileError(
      `l’UAJ du fichier (PARAMETRES/UAJ) est invalide — ${uaiProblem} : ce fichier n’est pas celui de l’établissement ${target.uai}`,
    );
  }
  if (found.uai.toUpperCase() !== target.uai) {
    throw new ImportFileError(`ce fichier est celui de l’établissement ${found.uai.toUpperCase()}, pas de ${target.uai}`);
  }
  if (found.year === undefined) {
    throw new ImportFileError(
      `le fichier ne porte pas d’année scolaire (PARAMETRES/ANNEE_SCOLAIRE) : impossible de vérifier qu’il est de l’année ${schoolYearLabel(target.year)}`,
    );
  }
  if (!/^[0-9]{4}$/.test(found.year)) {
    throw new ImportFileError(
      `l’année scolaire du fichier (PARAMETRES/ANNEE_SCOLAIRE) « ${found.year} » est invalide : une année sur 4 chiffres est attendue`,
    );
  }
  const year = Number(found.year);
  if (year !== target.year) {
    const label = year >= 2000 && year <= 2100 ? schoolYearLabel(year) : found.year;
    throw new ImportFileError(`ce fichier est de l’année ${label}, pas de ${schoolYearLabel(target.year)}`);
  }
}
