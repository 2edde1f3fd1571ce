import { ImportFileError } from '@liaison/domain';
import { decodeXml, encodingLabel } from './decode';
import { type ParsedXml, parseXml } from './parse';
import { isZip, readZip } from './zip';

/** The national files Liaison knows by their root element, to say what a wrong file is. */
export const KNOWN_ROOTS: Readonly<Record<string, string>> = Object.freeze({
  BEE_ELEVES: 'un export Élèves de SIECLE (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml)',
  BEE_EPHC_ELEVES: 'un export Élèves de SIECLE (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml)',
  BEE_RESPONSABLES: 'un export Responsables de SIECLE (ResponsablesAvecAdresses.xml)',
  BEE_EPHC_RESPONSABLES: 'un export Responsables de SIECLE (ResponsablesAvecAdresses.xml)',
  BEE_NOMENCLATURES: 'un export Nomenclature de SIECLE (Nomenclature.xml)',
  BEE_STRUCTURES: 'un export Structures de SIECLE (Structures.xml)',
  BEE_GEOGRAPHIQUE: 'un export Géographique de SIECLE (Geographique.xml)',
  BEE_ETABLISSEMENTS: 'un export Établissements de SIECLE (Etablissements.xml)',
  BEE_COMMUN: 'un export Communs de SIECLE (Communs.xml)',
  STS_EDT: 'un export emploi du temps de STS-web (sts_emp_<UAI>_<AAAA>.xml)',
  EDT_STS:
    'une remontée des services vers STS-web (emp_sts_<UAI>_<AAAA>.xml, produite par le logiciel d’emploi du temps), ' +
    'à ne pas confondre avec l’export sts_emp_<UAI>_<AAAA>.xml de STS-web',
  IMPORT_ELEVES: 'un fichier d’import du privé vers SIECLE (IMPORT_ELEVES), que Liaison produit mais n’importe pas',
});

export interface ReadXmlFileOptions {
  /** Root elements this import reads (the usual one first). */
  roots: readonly string[];
  /** What the import expects, for messages: « un export Nomenclature de SIECLE (Nomenclature.xml) ». */
  expected: string;
  /** List elements (see `parseXml`). */
  arrays?: Iterable<string>;
}

/** A national XML file as read: its tree, its encoding, and where it came from. */
export interface XmlFile extends ParsedXml {
  /** The encoding the bytes were decoded with (`iso-8859-15`, `utf-8`). */
  encoding: string;
  /** The XML file's name inside the zip, when the file was a zip. */
  entryName?: string;
  /** French remarks for the import report (« lu en ISO-8859-15 », « extrait de l’archive »). */
  notes: string[];
}

/** The name of the first element, read without parsing (to pick the right file of an archive). */
export function peekRootName(text: string): string | undefined {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) rest = rest.slice(Math.max(rest.indexOf('?>') + 2, 2));
    else if (rest.startsWith('<!--')) rest = rest.slice(Math.max(rest.indexOf('-->') + 3, 4));
    else if (rest.startsWith('<!')) rest = rest.slice(Math.max(rest.indexOf('>') + 1, 2));
    else break;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
}

const isXmlName = (name: string) => /\.xml$/i.test(name) && !name.startsWith('__MACOSX/') && !/(^|\/)\._/.test(name);

/** The XML entry of an archive: the only one, or the only one with an expected root. */
async function xmlOfZip(
  bytes: Uint8Array,
  roots: readonly string[],
  expected: string,
): Promise<{ name: string; bytes: Uint8Array }> {
  const entries = (await readZip(bytes)).filter((e) => isXmlName(e.name));
  if (entries.length === 0) throw new ImportFileError(`l’archive zip ne contient aucun fichier XML (${expected} est attendu)`);
  if (entries.length === 1) return entries[0] as { name: string; bytes: Uint8Array };
  const matching = entries.filter((e) => {
    try {
      const root = peekRootName(decodeXml(e.bytes).text);
      return root !== undefined && roots.includes(root);
    } catch {
      return false;
    }
  });
  if (matching.length === 1) return matching[0] as { name: string; bytes: Uint8Array };
  const names = entries.map((e) => e.name).join(', ');
  throw new ImportFileError(
    matching.length === 0
      ? `l’archive zip contient ${entries.length} fichiers XML (${names}) et aucun n’est ${expected}`
      : `l’archive zip contient plusieurs fichiers qui conviennent (${matching.map((e) => e.name).join(', ')}) : importez-les un par un`,
  );
}

/**
 * Reads a national XML file as an importer receives it: a bare XML file, or the zip SIECLE's
 * web interface delivers (`ExportXML_<Nom>.zip`, FORMAT.md §2) holding it. Decodes the bytes
 * by the XML declaration, refuses a malformed document with its line and element, and a
 * document of another kind with what it is (« ce fichier est … et non … »). Every refusal is
 * an `ImportFileError` in French; nothing is guessed.
 */
export async function readXmlFile(bytes: Uint8Array, options: ReadXmlFileOptions): Promise<XmlFile> {
  const notes: string[] = [];
  let xmlBytes = bytes;
  let entryName: string | undefined;
  if (isZip(bytes)) {
    const entry = await xmlOfZip(bytes, options.roots, options.expected);
    xmlBytes = entry.bytes;
    entryName = entry.name;
    notes.push(`fichier ${entry.name} extrait de l’archive zip`);
  }
  const inEntry = (message: string) => (entryName ? `${entryName} (dans l’archive) : ${message}` : message);
  try {
    if (xmlBytes.length === 0) throw new ImportFileError('le fichier est vide');
    const decoded = decodeXml(xmlBytes);
    notes.push(`lu en ${encodingLabel(decoded.encoding)}${decoded.declared ? '' : ' (le fichier ne déclare pas son encodage)'}`);
    const parsed = parseXml(decoded.text, options.arrays === undefined ? {} : { arrays: options.arrays });
    if (!options.roots.includes(parsed.rootName)) {
      const known = KNOWN_ROOTS[parsed.rootName];
      throw new ImportFileError(
        known
          ? `ce fichier est ${known} et non ${options.expected}`
          : `ce fichier n’est pas ${options.expected} : son élément racine est <${parsed.rootName}>, <${options.roots[0]}> est attendu`,
      );
    }
    return { ...parsed, encoding: decoded.encoding, ...(entryName ? { entryName } : {}), notes };
  } catch (error) {
    if (error instanceof ImportFileError && entryName) throw new ImportFileError(inEntry(error.message));
    throw error;
  }
}
