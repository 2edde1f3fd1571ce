import { readFileSync } from 'node:fs';
import { type XmlDocument } from '@liaison/domain';
import iconv from 'iconv-lite';
import { validateXML } from 'xmllint-wasm';

const DECLARATION = /^(<\?xml[^>]*?encoding=["'])([^"']+)(["'])/;

/**
 * The WebAssembly build of libxml2 has no iconv: it reads UTF-8 only. SIECLE documents and the
 * official XSDs are ISO-8859-15, so the same document is validated re-encoded to UTF-8, its
 * declaration saying so.
 */
export function asUtf8Xml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const encoding = DECLARATION.exec(head)?.[2] ?? 'UTF-8';
  const text = iconv.decode(Buffer.from(bytes), encoding);
  return text.replace(DECLARATION, '$1UTF-8$3');
}

/** An export document failed its official schema: nothing was written. */
export class XmlSchemaError extends Error {
  constructor(
    readonly document: string,
    readonly errors: string[],
  ) {
    super(`le fichier ${document} n’est pas conforme à son schéma officiel : ${errors.slice(0, 5).join(' ; ')}`);
    this.name = 'XmlSchemaError';
  }
}

const schemas = new Map<string, string>();

/** Validates each document against its XSD with libxml2 (xmllint compiled to WebAssembly). */
export async function validateXmlDocuments(documents: readonly XmlDocument[]): Promise<void> {
  for (const doc of documents) {
    let schema = schemas.get(doc.xsdPath);
    if (!schema) {
      schema = asUtf8Xml(readFileSync(doc.xsdPath));
      schemas.set(doc.xsdPath, schema);
    }
    const result = await validateXML({
      xml: [{ fileName: doc.name, contents: asUtf8Xml(doc.bytes) }],
      schema: [schema],
      maxMemoryPages: 16 * 1024,
    });
    if (!result.valid) {
      throw new XmlSchemaError(
        doc.name,
        result.errors.map((e) => (e.loc ? `ligne ${e.loc.lineNumber} : ${e.message}` : e.message)),
      );
    }
  }
}
