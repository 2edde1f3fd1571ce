/**
 * Lien de parenté as the ONDE adapter prints it: SIECLE's `CODE_PARENTE` → `LIBELLE_COURT`
 * (`../shared/reference/siecle/FORMAT.md` §11.7, copied from real `Nomenclature.xml` files).
 * The short label is the one ONDE-era screens show (« MERE », « PERE », « TUTEUR »); no public
 * first-degree table exists, so this is a project convention (FORMAT.md §9.4).
 */
export const DEFAULT_LINK_LABELS: Readonly<Record<string, string>> = Object.freeze({
  '10': 'MERE',
  '20': 'PERE',
  '37': 'FRATRIE',
  '38': 'ASCENDANT',
  '39': 'AUTRE FAM.',
  '41': 'EDUCATEUR',
  '42': 'ASS. FAMIL',
  '50': 'TUTEUR',
  '51': 'ASE',
  '70': 'ELEVE',
  '90': 'AUTRE LIEN',
});
