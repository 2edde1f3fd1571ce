import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportFileError } from '@liaison/domain';
import { ATTRIBUTE_PREFIX, type XmlNode } from './nodes';

/** A well-formed document: its root element's name and content. */
export interface ParsedXml {
  rootName: string;
  root: XmlNode;
}

export interface ParseXmlOptions {
  /**
   * Elements that are lists, by name (`ELEVE`) or by dotted path from the root
   * (`BEE_ELEVES.DONNEES.ELEVES.ELEVE`): they always come back as arrays, even with one item.
   */
  arrays?: Iterable<string>;
}

/** Where a well-formedness error is, and what it is, in French. */
export interface XmlSyntaxError {
  line: number;
  column?: number;
  /** The element the error is about, when the parser names one. */
  element?: string;
  message: string;
}

type Translation = [RegExp, (m: RegExpExecArray) => { message: string; element?: string }];

// fast-xml-parser's validator speaks English; users read French (PRODUCT.md).
const TRANSLATIONS: Translation[] = [
  [
    /^Expected closing tag '(.+?)' \(opened in line (\d+), col (\d+)\) instead of closing tag '(.+?)'\.$/,
    (m) => ({
      element: m[1],
      message: `la balise <${m[1]}> ouverte ligne ${m[2]} est fermée par </${m[4]}> : les noms ne correspondent pas`,
    }),
  ],
  [
    /^Closing tag '(.+?)' has not been opened\.$/,
    (m) => ({ element: m[1], message: `balise fermante </${m[1]}> sans balise ouvrante` }),
  ],
  [
    /^Closing tag '(.+?)' doesn't have proper closing\.$/,
    (m) => ({ element: m[1], message: `balise fermante </${m[1]}> mal terminée` }),
  ],
  [
    /^Closing tag '(.+?)' can't have attributes or invalid starting\.$/,
    (m) => ({ element: m[1], message: `la balise fermante </${m[1]}> ne peut pas porter d’attributs` }),
  ],
  [/^Unclosed tag '(.+?)'\.$/, (m) => ({ element: m[1], message: `la balise <${m[1]}> n’est jamais fermée` })],
  [/^Tag '(.+?)' is an invalid name\.$/, (m) => ({ element: m[1], message: `nom de balise <${m[1]}> invalide` })],
  [/^Invalid space after '<'\.$/, () => ({ message: 'espace inattendue après « < »' })],
  [
    /^Attributes for '(.+?)' have open quote\.$/,
    (m) => ({ element: m[1], message: `guillemet non fermé dans les attributs de <${m[1]}>` }),
  ],
  [/^Attribute '(.+?)' is repeated\.$/, (m) => ({ message: `l’attribut ${m[1]} est répété` })],
  [/^Attribute '(.+?)' is without value\.$/, (m) => ({ message: `l’attribut ${m[1]} n’a pas de valeur` })],
  [/^boolean attribute '(.+?)' is not allowed\.$/, (m) => ({ message: `l’attribut ${m[1]} n’a pas de valeur` })],
  [/^Attribute '(.+?)' has no space in starting\.$/, (m) => ({ message: `espace manquante avant l’attribut ${m[1]}` })],
  [/^Attribute '(.+?)' is an invalid name\.$/, (m) => ({ message: `nom d’attribut ${m[1]} invalide` })],
  [/^Multiple possible root nodes found\.$/, () => ({ message: 'plusieurs éléments racines : un seul est permis' })],
  [/^Extra text at the end$/, () => ({ message: 'texte après la fin de l’élément racine' })],
  [/^char '&' is not expected\.$/, () => ({ message: 'caractère « & » non échappé (il s’écrit &amp;)' })],
  [/^char '(.)' is not expected\.$/, (m) => ({ message: `caractère « ${m[1]} » inattendu hors d’une balise` })],
  [/^Start tag expected\.$/, () => ({ message: 'aucun élément XML : le fichier est vide ou n’est pas un fichier XML' })],
  [
    /^XML declaration allowed only at the start of the document\.$/,
    () => ({ message: 'la déclaration <?xml … ?> n’est permise qu’au tout début du fichier' }),
  ],
  [
    /^Invalid '\[(.*)\]' found\.$/,
    (m) => ({ message: `balises jamais fermées : ${m[1]?.replace(/"/g, '').replace(/\s+/g, ' ')}` }),
  ],
];

/** The validator's error in French, with its line (1-based) and the element it names. */
export function describeXmlError(error: { msg: string; line: number; col?: number }): XmlSyntaxError {
  for (const [pattern, translate] of TRANSLATIONS) {
    const m = pattern.exec(error.msg.trim());
    if (m) return { line: error.line, ...(error.col ? { column: error.col } : {}), ...translate(m) };
  }
  return { line: error.line, ...(error.col ? { column: error.col } : {}), message: 'erreur de syntaxe XML' };
}

/** « fichier XML mal formé, ligne 121, colonne 7 : … ». */
export function formatXmlError(error: XmlSyntaxError): string {
  const where = `ligne ${error.line}${error.column ? `, colonne ${error.column}` : ''}`;
  return `fichier XML mal formé, ${where} : ${error.message}`;
}

/** The error a well-formedness check finds, or undefined for a well-formed document. */
export function checkWellFormed(text: string): XmlSyntaxError | undefined {
  const result = XMLValidator.validate(text);
  return result === true ? undefined : describeXmlError(result.err);
}

/**
 * Parses a document strictly on well-formedness, leniently on content (FORMAT.md §14.10): the
 * validator runs first so that a malformed file is refused with its line and element, in
 * French, as an `ImportFileError`; then fast-xml-parser builds the tree with every value kept
 * as a string (`parseTagValue`/`parseAttributeValue` off: `093`, `030201` keep their zeros),
 * attributes under `@NAME`, and the given list elements always as arrays.
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): ParsedXml {
  const syntaxError = checkWellFormed(text);
  if (syntaxError) throw new ImportFileError(formatXmlError(syntaxError));
  // The validator lets text after a self-closing root element through (`<A/>texte`).
  let tail = text.trimEnd();
  for (;;) {
    const opener = tail.endsWith('-->') ? '<!--' : tail.endsWith('?>') ? '<?' : undefined;
    const at = opener === undefined ? -1 : tail.lastIndexOf(opener);
    if (at < 0) break;
    tail = tail.slice(0, at).trimEnd();
  }
  if (tail.length > 0 && !tail.endsWith('>')) {
    const line = tail.split('\n').length;
    throw new ImportFileError(formatXmlError({ line, message: 'texte après la fin de l’élément racine' }));
  }
  const arrays = new Set(options.arrays ?? []);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (tagName, jPath, _isLeaf, isAttribute) => !isAttribute && (arrays.has(tagName) || arrays.has(String(jPath))),
  });
  let tree: XmlNode;
  try {
    tree = parser.parse(text) as XmlNode;
  } catch (error) {
    throw new ImportFileError(`fichier XML illisible : ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = Object.keys(tree).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (roots.length !== 1) {
    throw new ImportFileError(
      roots.length === 0
        ? 'fichier XML sans élément racine'
        : `fichier XML mal formé : plusieurs éléments racines (${roots.map((r) => `<${r}>`).join(', ')}) au lieu d’un seul`,
    );
  }
  const rootName = roots[0] as string;
  const value = tree[rootName];
  if (Array.isArray(value) && value.length > 1) {
    throw new ImportFileError(`fichier XML mal formé : plusieurs éléments racines <${rootName}> au lieu d’un seul`);
  }
  const root: XmlNode =
    typeof value === 'string' ? { '#text': value } : Array.isArray(value) ? (value[0] as XmlNode) : (value as XmlNode);
  return { rootName, root: root ?? {} };
}
