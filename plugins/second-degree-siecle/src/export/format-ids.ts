/** The plugin's id: control id, checklist prefix (`second-degree-siecle:21`). */
export const PLUGIN_ID = 'second-degree-siecle';

/** The private-school pupil import into SIECLE (`IMPORT_ELEVES`, XSD 3.1). */
export const IMPORT_PRIVE_FORMAT_ID = 'siecle.import-prive';

/** Head-counts per MEF and division for the start-of-year count (our CSV adapter). */
export const EFFECTIFS_FORMAT_ID = 'siecle.effectifs';
