import { SOCLE_DOMAIN_CODES, SOCLE_DOMAINS, type SocleDomain } from '../codes/lsu-codes';
import { normaliseHeader } from './csv-read';
import { type ColumnSpec } from './csv-template';
import { PUPIL_IDENTITY_COLUMNS } from './line-pupil';

/**
 * The columns of the « bilans de fin de cycle » CSV template (`livrets.bilans-cycle`,
 * docs/formats/livrets-csv.md): one line per pupil, as the grade book exports the bilans at the
 * end of 6e (cycle 3) and of 3e (cycle 4). Matched by header like every template of ours.
 *
 * Each socle domain is a column known by its label in the ministry's nomenclature
 * (`LSUN_nomenclatures.xml`, through `lsu-codes.ts`) — what a grade book shows — and by its LSU
 * code (`CPD_FRA`), shorter to type; messages name it by its code.
 */
const DOMAIN_COLUMNS = SOCLE_DOMAIN_CODES.reduce(
  (columns, code) => ({
    ...columns,
    [code]: { header: code, aliases: [normaliseHeader(SOCLE_DOMAINS[code]), normaliseHeader(code)], required: true },
  }),
  {} as Record<SocleDomain, ColumnSpec>,
);

export const CYCLE_BILAN_COLUMNS = {
  ...PUPIL_IDENTITY_COLUMNS,
  cycle: { header: 'Cycle', aliases: ['cycle'], required: true },
  date: { header: 'Date', aliases: ['date', 'date du bilan', 'date de creation'], required: true },
  ...DOMAIN_COLUMNS,
  // Required by LSU (`synthese`, Chaine1500, in every `bilan-cycle`) and by the command.
  synthesis: { header: 'Synthèse', aliases: ['synthese', 'synthese du bilan', 'synthese du bilan de cycle'], required: true },
  complement: {
    header: 'Enseignement de complément',
    aliases: ['enseignement de complement', 'code enseignement de complement'],
    required: false,
  },
  complementLevel: {
    header: 'Positionnement enseignement de complément',
    aliases: [
      'positionnement enseignement de complement',
      'positionnement de l enseignement de complement',
      'positionnement du complement',
      'niveau enseignement de complement',
      'niveau de l enseignement de complement',
      'niveau du complement',
    ],
    required: false,
  },
  // Part of the same bilan (`langue-culture-regionale`): a line without it would erase it.
  regionalLanguage: {
    header: 'Langue et culture régionale',
    aliases: ['langue et culture regionale', 'langue culture regionale', 'langue regionale'],
    required: false,
  },
  regionalLanguageLevel: {
    header: 'Positionnement langue et culture régionale',
    aliases: [
      'positionnement langue et culture regionale',
      'positionnement de la langue et culture regionale',
      'positionnement langue regionale',
      'niveau langue et culture regionale',
      'niveau langue regionale',
    ],
    required: false,
  },
} satisfies Record<string, ColumnSpec>;

export type CycleBilanColumn = keyof typeof CYCLE_BILAN_COLUMNS;
