/**
 * The rule ids of the LSU pre-export control (`plan`), one per check of LSU FORMAT.md §9 and
 * the project's own: anomalies carry them so tests and screens can tell them apart.
 */
export const LSU_RULES = {
  reference: 'lsu-donnees-reference',
  uai: 'lsu-uai',
  head: 'lsu-responsable-etab',
  nothing: 'lsu-aucun-bilan',
  noBilan: 'lsu-eleve-sans-bilan',
  eleveId: 'lsu-eleve-id',
  division: 'lsu-division',
  subject: 'lsu-matiere',
  teacher: 'lsu-enseignant',
  evaluation: 'lsu-evaluation',
  appraisal: 'lsu-appreciation',
  mode: 'lsu-mode-evaluation',
  synthesis: 'lsu-synthese',
  schoolLife: 'lsu-vie-scolaire',
  acquis: 'lsu-acquis',
  programme: 'lsu-elements-programme',
  project: 'lsu-projet',
  guardian: 'lsu-responsable',
  cycle: 'lsu-bilan-cycle',
  periods: 'lsu-periodes',
  classAverage: 'lsu-moyenne-classe',
  ids: 'lsu-identifiants',
  text: 'lsu-texte',
  length: 'lsu-longueur',
  dates: 'lsu-dates',
  socle: 'lsu-socle',
  counts: 'lsu-compteurs',
} as const;
