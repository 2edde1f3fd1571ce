/**
 * Headers of our `<UAI>.zip` files, in order and spelling (FORMAT.md §9.3 and §9.4). Columns
 * 1–22 of `eleves.csv` are ONDE's own pupil extraction header (with the leading space of
 * « ␣Cycle »), the others our extension: see docs/formats/onde-be1d.md.
 */
export const PUPIL_COLUMNS = Object.freeze([
  'Nom élève',
  "Nom d'usage élève",
  'Prénom élève',
  'Date naissance',
  'Sexe',
  'INE',
  'Adresse1',
  'Cp1',
  'Commune1',
  'Pays1',
  'Adresse2',
  'Cp2',
  'Commune2',
  'Pays2',
  ' Cycle',
  'Niveau',
  'Libellé classe',
  'Identifiant classe',
  'Attestation fournie',
  'Autorisation associations',
  'Autorisation photo',
  'Décision de passage',
  'Deuxième prénom',
  'Troisième prénom',
  'Commune naissance',
  'Dept naissance',
  'Pays naissance',
  'Date inscription',
  'Dispositif(s)',
  'Code école origine',
  'LV1',
  'LV2',
  'Type contrat',
  'Code niveau',
  'Code classe',
  'Date radiation',
] as const);

/** The 12 guardian columns of ONDE's guardians extraction (2015 / ONDE layout). */
export const GUARDIAN_COLUMNS = Object.freeze([
  'Civilité Responsable',
  'Nom usage responsable',
  'Nom responsable',
  'Prénom responsable',
  'Adresse responsable',
  'CP responsable',
  'Commune responsable',
  'Pays',
  'Courriel',
  'Téléphone domicile',
  'Téléphone travail',
  'Téléphone portable',
] as const);

/** One group per linked child: ONDE's 4 child columns, then the link's two attributes (ours). */
export const CHILD_COLUMNS = Object.freeze([
  "Nom d'usage enfant",
  'Nom de famille enfant',
  'Prénom enfant',
  'Classes enfants',
  'Lien de parenté',
  'Autorité parentale',
] as const);

export const PUPILS_FILE = 'eleves.csv';
export const GUARDIANS_FILE = 'responsables.csv';
