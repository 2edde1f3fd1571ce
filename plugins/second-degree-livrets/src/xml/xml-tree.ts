import { XMLBuilder } from 'fast-xml-parser';

/**
 * A small element tree the writers build in the target's order, rendered by fast-xml-parser's
 * builder (escaping, order kept): never string concatenation of XML. Undefined attributes and
 * children are left out, so optional XSD items are written only when there is a value.
 */
export interface XmlNode {
  name: string;
  attributes: Array<readonly [string, string]>;
  text?: string;
  children: XmlNode[];
}

type Child = XmlNode | undefined | false | ReadonlyArray<XmlNode | undefined | false>;
type AttributeValue = string | number | boolean | undefined;

/** An element with attributes (in the order given, undefined ones skipped) and children. */
export function el(name: string, attributes: Record<string, AttributeValue> = {}, ...children: Child[]): XmlNode {
  const flat: XmlNode[] = [];
  for (const child of children) {
    if (Array.isArray(child)) {
      for (const c of child as ReadonlyArray<XmlNode | undefined | false>) if (c) flat.push(c);
    } else if (child) flat.push(child as XmlNode);
  }
  return { name, attributes: attributesOf(attributes), children: flat };
}

/** An element holding text (and possibly attributes). */
export function textEl(name: string, text: string, attributes: Record<string, AttributeValue> = {}): XmlNode {
  return { name, attributes: attributesOf(attributes), text, children: [] };
}

/** The element when the text is there, nothing otherwise (an optional XSD element). */
export const optionalText = (name: string, text: string | undefined): XmlNode | undefined =>
  text === undefined ? undefined : textEl(name, text);

function attributesOf(attributes: Record<string, AttributeValue>): Array<readonly [string, string]> {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => [k, String(v)] as const);
}

type Ordered = Record<string, unknown>;

function toOrdered(node: XmlNode): Ordered {
  const content: Ordered[] = node.text !== undefined ? [{ '#text': node.text }] : node.children.map(toOrdered);
  const ordered: Ordered = { [node.name]: content };
  if (node.attributes.length > 0) ordered[':@'] = Object.fromEntries(node.attributes);
  return ordered;
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

/** The document as UTF-8 bytes: XML declaration, two-space indentation, LF line ends. */
export function renderXml(root: XmlNode): Uint8Array {
  const body = (builder.build([toOrdered(root)]) as string).replace(/^\n+/, '');
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${body}${body.endsWith('\n') ? '' : '\n'}`);
}
