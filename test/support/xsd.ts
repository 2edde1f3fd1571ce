import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { repoRoot } from './cli';

// The server's XSD validator (libxml2 in WebAssembly), so the tests judge files as the server does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateXML } = require(require.resolve('xmllint-wasm', { paths: [resolve(repoRoot, 'apps/server')] })) as {
  validateXML: (o: unknown) => Promise<{ valid: boolean; errors: Array<{ message: string }> }>;
};

const DECLARATION = /^(<\?xml[^>]*?encoding=["'])([^"']+)(["'])/;

/** libxml2 in WebAssembly reads UTF-8 only: the document decoded by its declaration, re-declared UTF-8. */
export function asUtf8Xml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const encoding = DECLARATION.exec(head)?.[2] ?? 'UTF-8';
  return iconv.decode(Buffer.from(bytes), encoding).replace(DECLARATION, '$1UTF-8$3');
}

/** The official schemas the acceptance tests judge produced files against (read-only reference folder). */
export const IMPORT_PRIVE_XSD = resolve(repoRoot, '../shared/reference/siecle/import-prive/xsd/schema_Import_3.1.xsd');

/** libxml2's errors for the document against the schema: empty when valid. */
export async function xsdErrors(xsdPath: string, fileName: string, xml: Uint8Array): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName, contents: asUtf8Xml(xml) }],
    schema: [asUtf8Xml(readFileSync(xsdPath))],
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
