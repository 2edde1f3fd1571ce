/** A node of the XML tree a writer builds: a leaf holds text, a branch holds elements. */
export interface XmlElement {
  name: string;
  attributes?: ReadonlyArray<readonly [string, string]>;
  text?: string;
  children?: XmlElement[];
}

type Child = XmlElement | undefined | false | ReadonlyArray<XmlElement | undefined | false>;

/** An element with children, in the order given; `undefined`/`false` children are skipped. */
export function el(name: string, ...children: Child[]): XmlElement {
  const flat: XmlElement[] = [];
  for (const child of children) {
    if (Array.isArray(child)) {
      for (const c of child as ReadonlyArray<XmlElement | undefined | false>) if (c) flat.push(c);
    } else if (child) {
      flat.push(child as XmlElement);
    }
  }
  return { name, children: flat };
}

/** An element holding text. */
export const leaf = (name: string, text: string | number | boolean): XmlElement => ({ name, text: String(text) });

/** The element when the value is there, nothing otherwise (an optional XSD element). */
export const optional = (name: string, value: string | number | boolean | undefined): XmlElement | undefined =>
  value === undefined ? undefined : leaf(name, value);

export const escapeText = (text: string) =>
  /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * Renders elements indented by two spaces, one per line, LF line ends. An element without
 * text or children is written `<NAME/>`.
 */
export function renderXml(element: XmlElement, depth = 0): string {
  const lines: string[] = [];
  write(element, depth, lines);
  return lines.join('');
}

function write(element: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = (element.attributes ?? []).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const open = `${indent}<${element.name}${attributes}`;
  if (element.text !== undefined && element.text !== '') {
    out.push(`${open}>${escapeText(element.text)}</${element.name}>\n`);
    return;
  }
  const children = element.children ?? [];
  if (children.length === 0) {
    out.push(`${open}/>\n`);
    return;
  }
  out.push(`${open}>\n`);
  for (const child of children) write(child, depth + 1, out);
  out.push(`${indent}</${element.name}>\n`);
}
