/** The plugin id, as the manifest declares it (`src/index.ts`). */
export const SIECLE_PLUGIN_ID = 'second-degree-siecle';

export const NOMENCLATURE_FORMAT_ID = 'siecle.nomenclature';
export const STRUCTURES_FORMAT_ID = 'siecle.structures';
export const STS_EMP_FORMAT_ID = 'sts.emp';
export const ELEVES_FORMAT_ID = 'siecle.eleves';
export const RESPONSABLES_FORMAT_ID = 'siecle.responsables';

/** The `source` of what an import declares: `second-degree-siecle:Nomenclature.xml`. */
export const sourceOf = (fileName: string) => `${SIECLE_PLUGIN_ID}:${fileName}`;
