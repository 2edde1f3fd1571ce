import { resolve } from 'node:path';
import { type LslSchemaId } from '../events/year-events';

const XSD_DIR = resolve(__dirname, '../../xsd');

/**
 * The LSL schemas (LSL FORMAT.md §2): both are `schemaVersion` 1.0 and pre-reform; the 2016
 * revision (`evaluation/annuelle` optional) is the default, the 2015 one stays selectable. The
 * official post-2021 schema, once obtained, is added here as a new entry.
 */
export interface LslSchema {
  id: LslSchemaId;
  file: string;
  xsdPath: string;
  schemaVersion: string;
  /** `evaluation/annuelle` required (2015). */
  annualRequired: boolean;
}

export const LSL_SCHEMAS: Readonly<Record<LslSchemaId, LslSchema>> = {
  '2016': {
    id: '2016',
    file: 'import-lsl_1.xsd',
    xsdPath: resolve(XSD_DIR, 'import-lsl_1.xsd'),
    schemaVersion: '1.0',
    annualRequired: false,
  },
  '2015': {
    id: '2015',
    file: 'import-lsl.xsd',
    xsdPath: resolve(XSD_DIR, 'import-lsl.xsd'),
    schemaVersion: '1.0',
    annualRequired: true,
  },
};

export const DEFAULT_LSL_SCHEMA: LslSchemaId = '2016';
