/** The plugin's stable id: manifest, control id, checklist step ids and import sources use it. */
export const PLUGIN_ID = 'first-degree-onde';

/** Format ids, as `liaison formats` lists them (PRODUCT.md "Format ids"). */
export const FORMATS_FORMAT_ID = 'onde.formations';
export const EXTRACTION_FORMAT_ID = 'onde.extraction';
export const BE1D_FORMAT_ID = 'onde.be1d';

/** Refusal shared by the importers: a second-degree establishment exchanges with SIECLE, not ONDE. */
export const SECOND_DEGREE_REFUSAL =
  'ce format est celui du premier degré : l’établissement est du second degré (il échange avec SIECLE)';
