/**
 * Column names of the ONDE / BE1D pupil extraction, normalised (trim, lower case, no accents),
 * by what we read from them. Several spellings per field: ONDE (« Nom élève », « Libellé
 * classe »), BE1D (« Nom Elève », « Classe ») and the class-list layout (« Nom », « Né(e) le »)
 * of FORMAT.md §4.1–4.4. The first name found in the header wins.
 */
export const EXTRACTION_COLUMNS = Object.freeze({
  lastName: ['nom eleve', 'nom de famille eleve', 'nom'],
  usageName: ["nom d'usage eleve", 'nom d’usage eleve', 'nom usage eleve'],
  firstName: ['prenom eleve', 'prenom'],
  birthDate: ['date naissance', 'date de naissance', 'ne(e) le', 'date de naissance eleve'],
  sex: ['sexe'],
  ine: ['ine'],
  cycle: ['cycle'],
  level: ['niveau'],
  classLabel: ['libelle classe', 'classe', 'classe ou regroupement'],
  classId: ['identifiant classe'],
} as const);

export type ExtractionField = keyof typeof EXTRACTION_COLUMNS;

/** Headers that only other extractions have, to tell the user which file they gave. */
export const OTHER_EXTRACTIONS: ReadonlyArray<[string, string]> = [
  ['nom responsable', 'une extraction des responsables'],
  ['civilite responsable', 'une extraction des responsables'],
  ['nom de famille enfant', 'une extraction des responsables'],
  ['directeur', 'une liste d’enseignants'],
];
