/**
 * The rules of the SIECLE control, shared by the control report and the `siecle.import-prive`
 * plan. Where SIECLE's import report has a code for the same fault (FORMAT.md §8.5), the message
 * names it.
 */
export const RULES = {
  // Establishment and year.
  establishmentUnknown: 'etablissement-non-enregistre',
  establishmentDegree: 'etablissement-premier-degre',
  simpleContract: 'contrat-simple',
  yearNotOpened: 'annee-non-ouverte',
  nomenclatureMissing: 'nomenclature-absente',
  nothingToSend: 'aucun-eleve',
  idsExhausted: 'identifiants-epuises',
  // Classes.
  classSimpleContract: 'classe-contrat-simple',
  divisionCode: 'code-division',
  classUnknown: 'classe-inconnue',
  // Pupils.
  text: 'texte-non-envoyable',
  nationality: 'nationalite',
  birthPlace: 'lieu-naissance',
  ineInvalid: 'ine-invalide',
  ineUnchecked: 'ine-non-verifiable',
  ineDuplicate: 'ine-en-double',
  legalGuardianMissing: 'responsable-legal-manquant',
  legalGuardiansTooMany: 'responsables-legaux-trop-nombreux',
  guardianUnknown: 'responsable-inconnu',
  guardianLink: 'code-parente',
  mefMissing: 'mef-manquant',
  mefInvalid: 'mef-invalide',
  mefNotInNomenclature: 'mef-hors-nomenclature',
  divisionNotInMef: 'division-hors-mef',
  schoolingDates: 'dates-scolarite',
  exitMotive: 'motif-sortie',
  exitDate: 'date-sortie',
  regime: 'regime',
  statut: 'statut',
  previousSchoolMissing: 'etablissement-origine-manquant',
  previousSchool: 'etablissement-origine',
  previousMef: 'mef-origine',
  // Guardians.
  profession: 'profession',
  address: 'adresse',
  // SIECLE's defaults, applied with a warning.
  defaultRegime: 'defaut-regime',
  defaultStatut: 'defaut-statut',
  defaultTransport: 'defaut-transport',
  defaultDoublement: 'defaut-doublement',
  defaultHosting: 'defaut-heberge-eleve',
  defaultPreviousSchool: 'defaut-etablissement-origine',
  defaultProvenance: 'defaut-provenance',
  defaultProfession: 'defaut-profession',
  previousMefDropped: 'mef-origine-non-envoye',
  leavingWithoutGuardian: 'sortant-sans-responsable',
} as const;
