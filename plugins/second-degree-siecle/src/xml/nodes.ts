/**
 * Accessors over the object tree fast-xml-parser builds (attributes prefixed with `@`, text as
 * `#text` when an element also has attributes). SIECLE omits a tag for NULL and writes it empty
 * for an empty string (FORMAT.md §2): every accessor treats missing and empty alike, and takes
 * several names for an element renamed across versions (`NOM_DE_FAMILLE`, formerly `NOM`).
 */

// A recursive alias: what the parser produces for one element.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type XmlValue = string | XmlNode | any[];

export interface XmlNode {
  [key: string]: XmlValue | undefined;
}

export const ATTRIBUTE_PREFIX = '@';
export const TEXT_KEY = '#text';

function asNode(value: unknown): XmlNode | undefined {
  if (typeof value === 'string') return { [TEXT_KEY]: value };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as XmlNode;
  return undefined;
}

function asText(value: unknown): string | undefined {
  if (Array.isArray(value)) return asText(value[0]);
  const raw = typeof value === 'string' ? value : asNode(value)?.[TEXT_KEY];
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text.length > 0 ? text : undefined;
}

/**
 * The child elements of one name, as nodes, whether the parser made a list or a single value.
 * With several names (old and new spellings), the first name present wins.
 */
export function children(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
  if (!node) return [];
  for (const name of names) {
    const value = node[name];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    return values.map(asNode).filter((n): n is XmlNode => n !== undefined);
  }
  return [];
}

/** The first child element of one of these names. */
export function child(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  return children(node, ...names)[0];
}

/** Follows a path of single children (`DONNEES`, `ELEVES`); undefined as soon as one is missing. */
export function descend(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) {
    current = child(current, name);
    if (!current) return undefined;
  }
  return current;
}

/** The trimmed text of the first non-empty child among these names; undefined when missing or empty. */
export function text(node: XmlNode | undefined, ...names: string[]): string | undefined {
  if (!node) return undefined;
  for (const name of names) {
    const value = asText(node[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The node's own text (an element with attributes and text, or a leaf). */
export function ownText(node: XmlNode | undefined): string | undefined {
  return asText(node);
}

/** The trimmed value of an attribute; undefined when missing or empty. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`${ATTRIBUTE_PREFIX}${name}`];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/**
 * A key that files carry as an attribute (`<MEF CODE_MEF="…">`) or as a child element
 * (`<PROGRAMME><CODE_MEF>…`): FORMAT.md §14.4 asks for accessors that accept both.
 */
export function key(node: XmlNode | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = attribute(node, name) ?? text(node, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The simple (text-only) children of an element, by name, non-empty ones only, in file order. */
export function simpleFields(node: XmlNode | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!node) return fields;
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith(ATTRIBUTE_PREFIX) || name === TEXT_KEY) continue;
    if (typeof value === 'string' || (Array.isArray(value) && typeof value[0] === 'string')) {
      const t = asText(value);
      if (t !== undefined) fields[name] = t;
    }
  }
  return fields;
}

/** Reads `0`/`1`/`true`/`false` (one fixture mixes them, FORMAT.md §2); undefined otherwise. */
export function booleanOf(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'true' || v === 'o' || v === 'oui') return true;
  if (v === '0' || v === 'false' || v === 'n' || v === 'non') return false;
  return undefined;
}
