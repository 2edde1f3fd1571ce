import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * libxml2 compiled to WebAssembly (the validator the server runs before writing an export), for
 * the plugin's tests. It reads UTF-8 only: every LSU / LSL file and XSD here is UTF-8.
 */

/** The plugin's shipped XSDs (`plugins/second-degree-livrets/xsd/`). */
export const XSD_DIR = path.resolve(__dirname, '../../xsd');
/** The project's reference folder (read-only), for the official samples. */
export const REFERENCE_DIR = path.resolve(__dirname, '../../../../../shared/reference');

export const LSU_XSD_2020 = path.join(XSD_DIR, 'import-bilan-complet.xsd');
export const LSU_XSD_2019 = path.join(XSD_DIR, 'import-bilan-complet_20190427.xsd');
export const LSU_XSD_7 = path.join(XSD_DIR, 'import-complet-strict.xsd');
export const LSL_XSD_2016 = path.join(XSD_DIR, 'import-lsl_1.xsd');
export const LSL_XSD_2015 = path.join(XSD_DIR, 'import-lsl.xsd');

const schemas = new Map<string, string>();

/** libxml2's errors for the document against the schema; empty when valid. */
export async function xsdErrors(bytes: Uint8Array | string, xsdPath: string): Promise<string[]> {
  let schema = schemas.get(xsdPath);
  if (!schema) {
    schema = readFileSync(xsdPath, 'utf8');
    schemas.set(xsdPath, schema);
  }
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8') }],
    schema: [schema],
    maxMemoryPages: 16 * 1024,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage ?? e.message);
}

export const referenceFile = (...parts: string[]) => readFileSync(path.join(REFERENCE_DIR, ...parts));
