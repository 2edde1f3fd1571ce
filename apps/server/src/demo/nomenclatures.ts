/**
 * The nomenclatures the demo declares for each year, in one place so that they can be swapped
 * for the plugins' own importers (the first-degree plugin's shipped defaults, SIECLE's
 * `Nomenclature.xml`) when those exist.
 *
 * First degree: the level codes with their cycles (2016 reform), ISO 639-2/B language codes and
 * the class type `ordinaire` — project conventions, see PRODUCT.md "Code lists".
 * Second degree: MEF codes and labels copied from real SIECLE exports —
 * `reference/siecle/bee-exports/nomenclature/dossiersco-test-fixtures/nomenclature_tout_niveau.xml`
 * (collège) and `…/lycee-arago-0750680G/Nomenclature-2019-20.xml` (lycée, languages).
 */

export interface NomenclatureEntry {
  code: string;
  label: string;
  attributes?: Record<string, string>;
}

export interface FormationEntry extends NomenclatureEntry {
  cycle?: string;
}

export interface DemoNomenclature {
  /** The `source` of the declarations. */
  source: string;
  formations: FormationEntry[];
  languages: NomenclatureEntry[];
  classTypes: NomenclatureEntry[];
}

export const DEMO_NOMENCLATURE_SOURCE = 'demo';

/** First-degree levels, in order, with their cycle. */
export const FIRST_DEGREE_FORMATIONS: readonly FormationEntry[] = [
  { code: 'TPS', label: 'Toute petite section', cycle: '1' },
  { code: 'PS', label: 'Petite section', cycle: '1' },
  { code: 'MS', label: 'Moyenne section', cycle: '1' },
  { code: 'GS', label: 'Grande section', cycle: '1' },
  { code: 'CP', label: 'Cours préparatoire', cycle: '2' },
  { code: 'CE1', label: 'Cours élémentaire 1re année', cycle: '2' },
  { code: 'CE2', label: 'Cours élémentaire 2e année', cycle: '2' },
  { code: 'CM1', label: 'Cours moyen 1re année', cycle: '3' },
  { code: 'CM2', label: 'Cours moyen 2e année', cycle: '3' },
];

export const FIRST_DEGREE_LANGUAGES: readonly NomenclatureEntry[] = [
  { code: 'ENG', label: 'Anglais' },
  { code: 'GER', label: 'Allemand' },
  { code: 'SPA', label: 'Espagnol' },
  { code: 'ITA', label: 'Italien' },
];

export const CLASS_TYPES: readonly NomenclatureEntry[] = [{ code: 'ordinaire', label: 'Ordinaire' }];

/** The MEFs of a collège-lycée général, as SIECLE labels them (LIBELLE_EDITION). */
export const SECOND_DEGREE_FORMATIONS: readonly FormationEntry[] = [
  { code: '10010012110', label: '6ème', attributes: { FORMATION: '6EME', LIBELLE_LONG: '6EME' } },
  { code: '10110001110', label: '5ème', attributes: { FORMATION: '5G', LIBELLE_LONG: '5EME' } },
  { code: '10210001110', label: '4ème', attributes: { FORMATION: '4G', LIBELLE_LONG: '4EME' } },
  { code: '10310019110', label: '3ème', attributes: { FORMATION: '3EME', LIBELLE_LONG: '3EME' } },
  {
    code: '20010018110',
    label: '2nde générale et technologique',
    attributes: { FORMATION: '2-GT', LIBELLE_LONG: '2NDE GENERALE ET TECHNOLOGIQUE' },
  },
  { code: '20110019110', label: 'Première générale', attributes: { FORMATION: '1G', LIBELLE_LONG: 'PREMIERE GENERALE' } },
  {
    code: '20211010110',
    label: 'Terminale scientifique svt',
    attributes: { FORMATION: 'TS SVT', LIBELLE_LONG: 'TERMINALE SCIENTIFIQUE SVT' },
  },
];

/** Living languages as SIECLE's MATIERES name them: one code per language and rank. */
export const SECOND_DEGREE_LANGUAGES: readonly NomenclatureEntry[] = [
  { code: '030201', label: 'ANGLAIS LV1', attributes: { CODE_GESTION: 'AGL1' } },
  { code: '030202', label: 'ANGLAIS LV2', attributes: { CODE_GESTION: 'AGL2' } },
  { code: '030101', label: 'ALLEMAND LV1', attributes: { CODE_GESTION: 'ALL1' } },
  { code: '030102', label: 'ALLEMAND LV2', attributes: { CODE_GESTION: 'ALL2' } },
  { code: '030601', label: 'ESPAGNOL LV1', attributes: { CODE_GESTION: 'ESP1' } },
  { code: '030602', label: 'ESPAGNOL LV2', attributes: { CODE_GESTION: 'ESP2' } },
];

/** What the demo declares for a year of an establishment of that degree. */
export function demoNomenclature(degree: 'first' | 'second'): DemoNomenclature {
  return degree === 'first'
    ? {
        source: DEMO_NOMENCLATURE_SOURCE,
        formations: [...FIRST_DEGREE_FORMATIONS],
        languages: [...FIRST_DEGREE_LANGUAGES],
        classTypes: [...CLASS_TYPES],
      }
    : {
        source: DEMO_NOMENCLATURE_SOURCE,
        formations: [...SECOND_DEGREE_FORMATIONS],
        languages: [...SECOND_DEGREE_LANGUAGES],
        classTypes: [...CLASS_TYPES],
      };
}
