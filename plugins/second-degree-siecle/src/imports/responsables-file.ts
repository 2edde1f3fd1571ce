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

/** A person of `BEE_RESPONSABLES` (FORMAT.md §4). */
export interface BeePersonne {
  position: number;
  personneId?: string;
  /** ID_PRV_PER: the id our private import gave (as written). */
  privateId?: string;
  civility?: 'M.' | 'MME';
  lastName?: string;
  usageName?: string;
  firstName?: string;
}

/** A link between a pupil and a person (`RESPONSABLE_ELEVE`), in either model. */
export interface BeeLien {
  eleveId: string;
  personneId: string;
  /** Post-2018 model: NIVEAU_RESPONSABILITE (1 légal, 2 en charge, 3 contact). */
  level?: string;
  /** Pre-2018 model: RESP_LEGAL (0, 1, 2). */
  legal?: string;
  /** CODE_PARENTE: 2 digits since 2018, 1 character before. */
  link?: string;
}

export interface ResponsablesFile {
  parameters: FileParameters;
  version?: string;
  /** `current` (NIVEAU_RESPONSABILITE, 2018 reform), `legacy` (RESP_LEGAL), `mixed`, or `unknown` without links. */
  model: 'current' | 'legacy' | 'mixed' | 'unknown';
  personnes: BeePersonne[];
  liens: BeeLien[];
  notes: string[];
}

const ARRAYS = ['PERSONNE', 'RESPONSABLE_ELEVE', 'ADRESSE'];

function civilityOf(node: XmlNode): 'M.' | 'MME' | undefined {
  const short = text(node, 'LC_CIVILITE')?.toUpperCase();
  const long = text(node, 'LL_CIVILITE')?.toUpperCase();
  const code = text(node, 'CODE_CIVILITE');
  if (short === 'M.' || short === 'M' || long === 'MONSIEUR' || code === '1') return 'M.';
  if (short === 'MME' || long === 'MADAME' || code === '2') return 'MME';
  return undefined;
}

function readPersonne(node: XmlNode, position: number): BeePersonne {
  const p: BeePersonne = { position };
  const fields: Array<[keyof BeePersonne, string | undefined]> = [
    ['personneId', attribute(node, 'PERSONNE_ID') ?? text(node, 'PERSONNE_ID')],
    ['privateId', text(node, 'ID_PRV_PER')],
    ['civility', civilityOf(node)],
    ['lastName', text(node, 'NOM_DE_FAMILLE', 'NOM')],
    ['usageName', text(node, 'NOM_USAGE')],
    ['firstName', text(node, 'PRENOM')],
  ];
  for (const [field, value] of fields) if (value !== undefined) (p as unknown as Record<string, unknown>)[field] = value;
  return p;
}

/**
 * Reads `ResponsablesAvecAdresses.xml` / `ResponsablesSansAdresses.xml` (root
 * `BEE_RESPONSABLES`) for the target establishment and year: the persons with their
 * PERSONNE_ID and names, and the pupil–person links, in the post-2018 model
 * (NIVEAU_RESPONSABILITE) or the one before (RESP_LEGAL). Addresses are not kept.
 */
export async function readResponsablesFile(bytes: Uint8Array, target: { uai: string; year: number }): Promise<ResponsablesFile> {
  const file = await readXmlFile(bytes, {
    roots: ['BEE_RESPONSABLES', 'BEE_EPHC_RESPONSABLES'],
    expected: 'un export Responsables de SIECLE (ResponsablesAvecAdresses.xml)',
    arrays: ARRAYS,
  });
  const parameters = readBeeParameters(file.root);
  assertFileTarget(parameters, target);
  const notes = [...file.notes];
  const data = descend(file.root, 'DONNEES');
  const personnes = children(descend(data, 'PERSONNES'), 'PERSONNE').map((n, i) => readPersonne(n, i + 1));
  const liens: BeeLien[] = [];
  let incomplete = 0;
  for (const node of children(descend(data, 'RESPONSABLES'), 'RESPONSABLE_ELEVE')) {
    const eleveId = key(node, 'ELEVE_ID');
    const personneId = key(node, 'PERSONNE_ID');
    if (eleveId === undefined || personneId === undefined) {
      incomplete += 1;
      continue;
    }
    const lien: BeeLien = { eleveId, personneId };
    const level = text(node, 'NIVEAU_RESPONSABILITE');
    const legal = text(node, 'RESP_LEGAL');
    const link = text(node, 'CODE_PARENTE');
    if (level !== undefined) lien.level = level;
    if (legal !== undefined) lien.legal = legal;
    if (link !== undefined) lien.link = link;
    liens.push(lien);
  }
  if (incomplete > 0) notes.push(`${incomplete} lien(s) RESPONSABLE_ELEVE sans ELEVE_ID ou PERSONNE_ID ignoré(s)`);
  const current = liens.some((l) => l.level !== undefined);
  const legacy = liens.some((l) => l.legal !== undefined);
  const model = current && legacy ? 'mixed' : current ? 'current' : legacy ? 'legacy' : 'unknown';
  if (model === 'legacy') notes.push('modèle des responsables antérieur à la réforme de 2018 (RESP_LEGAL)');
  const version = attribute(file.root, 'VERSION');
  return { parameters, ...(version === undefined ? {} : { version }), model, personnes, liens, notes };
}
