import { resolve } from 'node:path';
import { type LsuSchemaId } from '../events/year-events';

/** The folder of the XSDs the plugin ships (`plugins/second-degree-livrets/xsd/`), from `src/lsu` or `dist/lsu`. */
export const XSD_DIR = resolve(__dirname, '../../xsd');

/**
 * The LSU schemas a campaign may target (LSU FORMAT.md §2): `schemaVersion` stayed 3.0 through
 * incompatible revisions, so the file to validate against is chosen per year
 * (`ChooseLivretSchemas`), the 2020 one by default. What differs between them and matters to
 * the writer and the checks is stated here, never guessed from `schemaVersion`.
 */
export interface LsuSchema {
  id: LsuSchemaId;
  file: string;
  xsdPath: string;
  schemaVersion: string;
  /** `entete/appliVersion` accepted (not by the 2019 XSD). */
  applicationVersion: boolean;
  /** Maximum length of `code-division` (`CodeStructure`). */
  divisionMax: number;
  /** `date-verrou` required on both bilan kinds. */
  lockDateRequired: boolean;
  /** `acquis/@element-programme-refs` required (2019 XSD). */
  programmeElementsRequired: boolean;
  /** `enseignant/@prenom` and the guardians' civility and names may not be empty or absent (2019 XSD). */
  strictNames: boolean;
}

const schema = (fields: Omit<LsuSchema, 'xsdPath'>): LsuSchema => ({ ...fields, xsdPath: resolve(XSD_DIR, fields.file) });

export const LSU_SCHEMAS: Readonly<Record<LsuSchemaId, LsuSchema>> = {
  '2020': schema({
    id: '2020',
    file: 'import-bilan-complet.xsd',
    schemaVersion: '3.0',
    applicationVersion: true,
    divisionMax: 20,
    lockDateRequired: true,
    programmeElementsRequired: false,
    strictNames: false,
  }),
  '2019': schema({
    id: '2019',
    file: 'import-bilan-complet_20190427.xsd',
    schemaVersion: '3.0',
    applicationVersion: false,
    divisionMax: 8,
    lockDateRequired: true,
    programmeElementsRequired: true,
    strictNames: true,
  }),
  // The ENT's copy: an option only, its differences may be local edits (FORMAT.md §2.3).
  '7.0': schema({
    id: '7.0',
    file: 'import-complet-strict.xsd',
    schemaVersion: '7.0',
    applicationVersion: true,
    divisionMax: 20,
    lockDateRequired: false,
    programmeElementsRequired: false,
    strictNames: false,
  }),
};

export const DEFAULT_LSU_SCHEMA: LsuSchemaId = '2020';
