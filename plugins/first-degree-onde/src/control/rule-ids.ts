/**
 * The control's rule ids, stable (screens and reports key on them), with the FORMAT.md §8 rule
 * each one implements. docs/formats/onde-be1d.md lists them with their level.
 */
export const RULES = Object.freeze({
  /** §8 rule 11 and the degree of the establishment. */
  establishment: 'etablissement',
  /** §8 rule 3. */
  classRectoratCode: 'classe-code-rectorat',
  classContract: 'classe-type-contrat',
  classType: 'classe-type-classe',
  classFormation: 'classe-formation',
  /** §8 rules 14 and 16: class labels identify classes in the guardians file. */
  classLabelUnique: 'classe-libelle-unique',
  /** §8 rule 2: an enrolled pupil's class exists and carries an entry date. */
  pupilClass: 'eleve-classe',
  /** §8 rule 4. */
  pupilFormation: 'eleve-formation',
  pupilLevel: 'eleve-niveau',
  /** §8 rule 5. */
  identity: 'eleve-identite',
  /** §8 rule 6. */
  birthPlace: 'eleve-lieu-naissance',
  /** §8 rule 7. */
  previousSchool: 'eleve-ecole-origine',
  /** §8 rule 9. */
  guardianMissing: 'responsable-absent',
  /** §8 rule 8. */
  guardianIncomplete: 'responsable-incomplet',
  guardianLink: 'responsable-lien',
  parentalAuthority: 'responsable-autorite-parentale',
  /** §8 rule 15. */
  guardianDuplicate: 'responsable-doublon',
  /** §8 rule 10 and the year's language nomenclature. */
  languages: 'eleve-langue',
  dispositifs: 'eleve-dispositif',
  /** §8 rule 12. */
  ineMissing: 'eleve-ine-absent',
  /** §8 rule 13. */
  ineKey: 'eleve-ine-cle',
  /** §8 rule 16. */
  pupilUnique: 'eleve-unicite',
  /** §8 rule 18. */
  cycleLevel: 'eleve-cycle-niveau',
  /** §9.2: the file is ISO-8859-15. */
  latin9: 'caractere-hors-latin9',
} as const);
