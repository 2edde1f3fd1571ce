import * as iconv from 'iconv-lite';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reading national XML files back (LSU, LSL): bytes decoded by their declaration, attributes and
 * texts kept as strings (codes keep their leading zeros), list elements always arrays, the
 * surrounding whitespace of texts (the file's indentation) dropped.
 */

/** A file that is not the expected XML: French message naming the element. */
export class XmlReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlReadError';
  }
}

export type XmlObject = Record<string, unknown>;

const DECLARATION = /^<\?xml[^>]*?encoding=["']([^"']+)["']/;

export function decodeXml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const encoding = DECLARATION.exec(head)?.[1] ?? 'UTF-8';
  if (!iconv.encodingExists(encoding)) throw new XmlReadError(`encodage « ${encoding} » inconnu`);
  return iconv.decode(Buffer.from(bytes), encoding).replace(/^\uFEFF/, '');
}

export function parseXml(text: string, listElements: readonly string[]): XmlObject {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlReadError(`XML mal formé, ligne ${valid.err.line} : ${valid.err.msg}`);
  }
  const lists = new Set(listElements);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    isArray: (name) => lists.has(name),
  });
  return parser.parse(text) as XmlObject;
}

/** The child element (an object; a text-only element becomes `{ '#text': … }`). */
export function child(node: XmlObject | undefined, name: string): XmlObject | undefined {
  const value = node?.[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) return value as XmlObject;
  return { '#text': String(value) };
}

/** The repeated child elements. */
export function children(node: XmlObject | undefined, name: string): XmlObject[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return value === undefined || value === null ? [] : [child(node, name)!];
  return value.map((v) => (typeof v === 'object' && v !== null ? (v as XmlObject) : { '#text': String(v) }));
}

/** The element's text, undefined when the element is absent. */
export function text(node: XmlObject | undefined): string | undefined {
  if (node === undefined) return undefined;
  const t = node['#text'];
  return t === undefined ? '' : String(t);
}

export const childText = (node: XmlObject | undefined, name: string) => text(child(node, name));

export function attr(node: XmlObject | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

/** A required attribute; `where` names the element for the message. */
export function requiredAttr(node: XmlObject, name: string, where: string): string {
  const v = attr(node, name);
  if (v === undefined) throw new XmlReadError(`${where} : attribut ${name} manquant`);
  return v;
}

export function intAttr(node: XmlObject | undefined, name: string): number | undefined {
  const v = attr(node, name);
  return v === undefined ? undefined : Number(v);
}

/** xs:boolean: `true`/`1` or `false`/`0`. */
export function boolAttr(node: XmlObject | undefined, name: string): boolean | undefined {
  const v = attr(node, name);
  if (v === undefined) return undefined;
  return v === 'true' || v === '1';
}

export const idList = (value: string | undefined) => (value === undefined ? undefined : value.split(/\s+/).filter(Boolean));
