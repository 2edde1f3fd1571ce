import { type ColumnSpec } from './csv-template';
import { PUPIL_IDENTITY_COLUMNS } from './line-pupil';

/**
 * The columns of the evaluations CSV template (`livrets.evaluations`, docs/formats/livrets-csv.md):
 * one file per period, one line per pupil and subject. Columns are matched by header (case,
 * accents, underscores ignored), never by position; other columns are ignored.
 */
export const COLUMNS = {
  period: { header: 'Période', aliases: ['periode'], required: true },
  ...PUPIL_IDENTITY_COLUMNS,
  subject: { header: 'Matière', aliases: ['matiere', 'code matiere'], required: true },
  mode: { header: 'Modalité', aliases: ['modalite', 'modalite d election'], required: false },
  teachers: { header: 'Enseignants', aliases: ['enseignants', 'enseignant'], required: true },
  positioning: { header: 'Positionnement', aliases: ['positionnement'], required: false },
  average: { header: 'Moyenne', aliases: ['moyenne'], required: false },
  notGraded: { header: 'Non noté', aliases: ['non note'], required: false },
  classAverage: { header: 'Moyenne de la classe', aliases: ['moyenne de la classe'], required: false },
  appraisal: { header: 'Appréciation', aliases: ['appreciation'], required: false },
  programme: { header: 'Éléments de programme', aliases: ['elements de programme'], required: false },
  councilDate: { header: 'Date du conseil', aliases: ['date du conseil', 'date du conseil de classe'], required: false },
  synthesis: { header: 'Synthèse', aliases: ['synthese'], required: false },
  homework: { header: 'Devoirs faits', aliases: ['devoirs faits'], required: false },
  late: { header: 'Retards', aliases: ['retards'], required: false },
  justified: { header: 'Absences justifiées', aliases: ['absences justifiees'], required: false },
  unjustified: { header: 'Absences injustifiées', aliases: ['absences injustifiees'], required: false },
  missedHours: { header: 'Heures manquées', aliases: ['heures manquees'], required: false },
  lifeComment: {
    header: 'Commentaire vie scolaire',
    aliases: ['commentaire vie scolaire', 'commentaire de vie scolaire'],
    required: false,
  },
} as const satisfies Record<string, ColumnSpec>;

export type Column = keyof typeof COLUMNS;

/** The pupil-level columns: the same value on each of a pupil's lines, or on one of them only. */
export const PUPIL_COLUMNS = [
  'councilDate',
  'synthesis',
  'homework',
  'late',
  'justified',
  'unjustified',
  'missedHours',
  'lifeComment',
] as const;
