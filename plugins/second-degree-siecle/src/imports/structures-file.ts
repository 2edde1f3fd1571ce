import { type Division, type Group } from '../events/reference-events';
import {
  assertFileTarget,
  attribute,
  children,
  descend,
  type FileParameters,
  key,
  readBeeParameters,
  readXmlFile,
  text,
  type XmlNode,
} from '../xml';
import { firstOfEachKey } from './rows';

/** `Structures.xml` as Liaison reads it: the divisions (classes) and groups of the year, with their MEFs. */
export interface StructuresFile {
  parameters: FileParameters;
  version?: string;
  divisions: Division[];
  groups: Group[];
  notes: string[];
}

const ARRAYS = ['DIVISION', 'GROUPE', 'MEF_APPARTENANCE', 'DIVISION_APPARTENANCE'];

/** MEF codes of `MEFS_APPARTENANCE`, written `<MEF_APPARTENANCE><CODE_MEF>…` (SIECLE) or `<MEF_APPARTENANCE CODE="…">` (STS-web). */
export function mefCodesOf(node: XmlNode | undefined): string[] {
  const codes = children(descend(node, 'MEFS_APPARTENANCE'), 'MEF_APPARTENANCE')
    .map((m) => key(m, 'CODE_MEF', 'CODE'))
    .filter((c): c is string => c !== undefined);
  return [...new Set(codes)];
}

/** Division codes of a group's `DIVISIONS_APPARTENANCE`, as a child `CODE_STRUCTURE` or an attribute `CODE`. */
export function divisionCodesOf(node: XmlNode | undefined): string[] {
  const codes = children(descend(node, 'DIVISIONS_APPARTENANCE'), 'DIVISION_APPARTENANCE')
    .map((d) => key(d, 'CODE_STRUCTURE', 'CODE'))
    .filter((c): c is string => c !== undefined);
  return [...new Set(codes)];
}

function readStructure(node: XmlNode): Division | undefined {
  const code = key(node, 'CODE_STRUCTURE', 'CODE');
  if (code === undefined) return undefined;
  const label = text(node, 'LIBELLE_LONG', 'LIBELLE_COURT');
  const contract = text(node, 'CODE_CONTRAT');
  return {
    code,
    ...(label === undefined ? {} : { label }),
    ...(contract === undefined ? {} : { contract }),
    mefCodes: mefCodesOf(node),
  };
}

/**
 * Reads `Structures.xml` (root `BEE_STRUCTURES`, FORMAT.md §6) for the target establishment
 * and year. No real file is public: the element names are those of the SFD and of the parsers
 * that read real files (pyKol); codes are read as attributes or children alike.
 */
export async function readStructuresFile(bytes: Uint8Array, target: { uai: string; year: number }): Promise<StructuresFile> {
  const file = await readXmlFile(bytes, {
    roots: ['BEE_STRUCTURES'],
    expected: 'un export Structures de SIECLE (Structures.xml)',
    arrays: ARRAYS,
  });
  const parameters = readBeeParameters(file.root);
  assertFileTarget(parameters, target);
  const notes = [...file.notes];
  const data = descend(file.root, 'DONNEES');
  let skipped = 0;
  const divisions: Division[] = [];
  for (const node of children(descend(data, 'DIVISIONS'), 'DIVISION')) {
    const division = readStructure(node);
    if (division) divisions.push(division);
    else skipped += 1;
  }
  const groups: Group[] = [];
  for (const node of children(descend(data, 'GROUPES'), 'GROUPE')) {
    const group = readStructure(node);
    if (group) groups.push({ ...group, divisionCodes: divisionCodesOf(node) });
    else skipped += 1;
  }
  if (skipped > 0) notes.push(`${skipped} structure(s) sans CODE_STRUCTURE ignorée(s)`);
  const version = attribute(file.root, 'VERSION');
  return {
    parameters,
    ...(version === undefined ? {} : { version }),
    divisions: firstOfEachKey(divisions, (d) => d.code, 'division', notes),
    groups: firstOfEachKey(groups, (g) => g.code, 'groupe', notes),
    notes,
  };
}
