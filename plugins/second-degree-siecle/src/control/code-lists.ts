/**
 * SIECLE's national code lists the private import uses, code → LIBELLE_LONG, as the real
 * `Nomenclature.xml` exports of 2018-19 and 2019-20 give them (shared/reference/siecle/FORMAT.md
 * §11). Exit motives and `CODE_PARENTE` come from the domain (`EXIT_MOTIVES`, `GUARDIAN_LINKS`).
 */

/** `CODE_REGIME` (§11.3). */
export const REGIMES: Readonly<Record<string, string>> = Object.freeze({
  '0': 'EXTERNE LIBRE',
  '1': 'EXTERNE SURVEILLE',
  '2': "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT",
  '3': "INTERNE DANS L'ETABLISSEMENT",
  '4': 'INTERNE EXTERNE',
  '5': 'INTERNE HEBERGE',
  '6': "DEMI-PENSIONNAIRE HORS L'ETABLISSEMENT",
  '21': "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT 1",
  '22': "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT 2",
  '23': "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT 3",
  '24': "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT 4",
  '25': "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT 5",
  '26': "DEMI-PENSIONNAIRE DANS L'ETABLISSEMENT 6",
  '29': 'DEMI-PENSIONNAIRE AU TICKET',
  '31': 'INTERNE 1 JOUR',
  '32': 'INTERNE 2 JOURS',
  '33': 'INTERNE 3 JOURS',
  '34': 'INTERNE 4 JOURS',
  '35': 'INTERNE 5 JOURS',
  '36': 'INTERNE 6 JOURS',
  '38': 'DEMI INTERNE',
  '39': 'INTERNE WEEK END',
});

/** SIECLE's default when the régime is absent (`INF_REGIM_A_01`): externe libre. */
export const DEFAULT_REGIME = '0';

/** `CODE_STATUT` (§11.4). */
export const STATUTS: Readonly<Record<string, string>> = Object.freeze({
  ST: 'SCOLAIRE',
  AP: 'APPRENTI',
  FQ: 'STAGIAIRE DE LA FORMATION PROF.',
  CQ: 'CONTRAT DE QUALIFICATION',
  FC: 'FORMATION CONTINUE',
});

export const DEFAULT_STATUT = 'ST';

/** `CODE_PROVENANCE` (§11.5). */
export const PROVENANCES: Readonly<Record<string, string>> = Object.freeze({
  '1': "ETAB. PUBLIC DE L'ACADEMIE",
  '2': "ETAB. PRIVE DE L'ACADEMIE",
  '3': 'ETAB. PUBLIC HORS ACADEMIE',
  '4': 'ETAB. PRIVE HORS ACADEMIE',
  '5': "ETAB. FRANCAIS A L'ETRANGER",
  '6': 'ETAB. ETRANGER CEE',
  '7': 'ETAB. ETRANGER HORS CEE',
  '8': 'AUTRE',
});

/** A pupil enrolled here last year comes from this private school of the académie. */
export const OWN_SCHOOL_PROVENANCE = '2';

/** `CODE_PROFESSION`: the 41 two-digit PCS of §11.8. */
export const PROFESSIONS: ReadonlySet<string> = new Set([
  '10',
  '21',
  '22',
  '23',
  '31',
  '33',
  '34',
  '35',
  '37',
  '38',
  '42',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '52',
  '53',
  '54',
  '55',
  '56',
  '62',
  '63',
  '64',
  '65',
  '67',
  '68',
  '69',
  '71',
  '72',
  '74',
  '75',
  '77',
  '78',
  '81',
  '83',
  '84',
  '85',
  '86',
  '99',
]);

/** « Non renseignée (inconnue ou sans objet) ». */
export const DEFAULT_PROFESSION = '99';

/** `CODE_CIVILITE` (§11.7). */
export const CIVILITIES: Readonly<Record<'M.' | 'MME', string>> = Object.freeze({ 'M.': '1', MME: '2' });

/** `CODE_SEXE` (§11.11). */
export const SEXES: Readonly<Record<'M' | 'F', string>> = Object.freeze({ M: '1', F: '2' });

/** INSEE country code of France. */
export const FRANCE = '100';
