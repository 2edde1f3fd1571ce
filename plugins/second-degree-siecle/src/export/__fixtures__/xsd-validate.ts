import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';

interface XmllintResult {
  valid: boolean;
  errors: Array<{ message: string; rawMessage?: string }>;
}
type ValidateXml = (input: {
  xml: Array<{ fileName: string; contents: string }>;
  schema: string[];
  maxMemoryPages?: number;
}) => Promise<XmllintResult>;

// The plugin does not depend on xmllint-wasm (the server validates at run time): the tests take
// the server's copy of libxml2 in WebAssembly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateXML } = require(
  require.resolve('xmllint-wasm', { paths: [path.resolve(__dirname, '../../../../../apps/server')] }),
) as {
  validateXML: ValidateXml;
};

const DECLARATION = /^(<\?xml[^>]*?encoding=["'])([^"']+)(["'])/;

/**
 * The WebAssembly libxml2 has no iconv: it reads UTF-8 only. The ISO-8859-15 document (and
 * schema) are decoded by their declaration and re-encoded as UTF-8, the declaration saying so.
 */
export function asUtf8Xml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const encoding = DECLARATION.exec(head)?.[2] ?? 'UTF-8';
  return iconv.decode(Buffer.from(bytes), encoding).replace(DECLARATION, '$1UTF-8$3');
}

export const XSD_DIR = path.resolve(__dirname, '../../../xsd');
export const OFFICIAL_XSD = path.join(XSD_DIR, 'schema_Import_3.1.xsd');
export const STRICT_XSD = path.join(XSD_DIR, 'schema_Import_3.1_avec_correction.xsd');

/** libxml2's errors for the document against the schema; empty when valid. */
export async function xsdErrors(bytes: Uint8Array, xsdPath: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: asUtf8Xml(bytes) }],
    schema: [asUtf8Xml(readFileSync(xsdPath))],
    maxMemoryPages: 16 * 1024,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage ?? e.message);
}
