import {
  assertFileTarget,
  attribute,
  children,
  descend,
  type FileParameters,
  isInvalidDate,
  isoDateOf,
  key,
  readBeeParameters,
  readXmlFile,
  text,
  type XmlNode,
} from '../xml';

/** One of a pupil's options (`OPTIONS/OPTION/OPTIONS_ELEVE`). */
export interface BeeEleveOption {
  subjectCode: string;
  /** CODE_MODALITE_ELECT. */
  modality?: string;
  /** NUM_OPTION. */
  rank?: string;
}

/** A pupil of a `BEE_ELEVES` export, as Liaison reads it (FORMAT.md §3). Dates are `YYYY-MM-DD`. */
export interface BeeEleve {
  /** 1-based position in the file, to name a pupil without ELEVE_ID. */
  position: number;
  /** `@ELEVE_ID`, SIECLE's id (the join key between blocks). */
  eleveId?: string;
  elenoet?: string;
  /** ID_NATIONAL: the INE SIECLE uses. */
  nationalId?: string;
  ineRnie?: string;
  ineBea?: string;
  /** ID_PRV_ELE: the id our private import gave (as written). */
  privateId?: string;
  /** NOM_DE_FAMILLE (older files: NOM). */
  lastName?: string;
  usageName?: string;
  firstName?: string;
  firstName2?: string;
  firstName3?: string;
  birthDate?: string;
  /** DATE_NAISS as written, when it is not a valid date. */
  invalidBirthDate?: string;
  sex?: 'M' | 'F';
  mefCode?: string;
  /** The division (TYPE_STRUCTURE D). */
  division?: string;
  /** The groups (TYPE_STRUCTURE G). */
  groups: string[];
  entryDate?: string;
  exitDate?: string;
  exitMotive?: string;
  regime?: string;
  statut?: string;
  options: BeeEleveOption[];
}

export interface ElevesFile {
  parameters: FileParameters;
  version?: string;
  /** `BEE_ELEVES`, or `BEE_EPHC_ELEVES` met in third-party code. */
  rootName: string;
  pupils: BeeEleve[];
  notes: string[];
}

const ARRAYS = ['ELEVE', 'OPTION', 'OPTIONS_ELEVE', 'STRUCTURES_ELEVE', 'STRUCTURE', 'ADRESSE', 'BOURSE'];

/** Digits without their leading zeros: `0001` and `1` are the same SIECLE id. */
export const idKey = (value: string | undefined) => (value === undefined ? undefined : value.trim().replace(/^0+(?=[0-9])/, ''));

/** The INEs a pupil carries in the file (ID_NATIONAL first), upper case, without doubles. */
export function inesOf(pupil: BeeEleve): string[] {
  return [
    ...new Set(
      [pupil.nationalId, pupil.ineRnie, pupil.ineBea].filter((v): v is string => v !== undefined).map((v) => v.toUpperCase()),
    ),
  ];
}

function set<K extends keyof BeeEleve>(target: BeeEleve, field: K, value: BeeEleve[K] | undefined): void {
  if (value !== undefined) target[field] = value;
}

function readEleve(node: XmlNode, position: number): BeeEleve {
  const pupil: BeeEleve = { position, groups: [], options: [] };
  set(pupil, 'eleveId', attribute(node, 'ELEVE_ID') ?? text(node, 'ELEVE_ID'));
  set(pupil, 'elenoet', attribute(node, 'ELENOET') ?? text(node, 'ELENOET'));
  set(pupil, 'nationalId', text(node, 'ID_NATIONAL'));
  set(pupil, 'ineRnie', text(node, 'INE_RNIE'));
  set(pupil, 'ineBea', text(node, 'INE_BEA'));
  set(pupil, 'privateId', text(node, 'ID_PRV_ELE'));
  set(pupil, 'lastName', text(node, 'NOM_DE_FAMILLE', 'NOM'));
  set(pupil, 'usageName', text(node, 'NOM_USAGE'));
  set(pupil, 'firstName', text(node, 'PRENOM'));
  set(pupil, 'firstName2', text(node, 'PRENOM2'));
  set(pupil, 'firstName3', text(node, 'PRENOM3'));
  const birth = text(node, 'DATE_NAISS');
  set(pupil, 'birthDate', isoDateOf(birth));
  if (isInvalidDate(birth)) pupil.invalidBirthDate = birth;
  const sex = text(node, 'CODE_SEXE');
  set(pupil, 'sex', sex === '1' ? 'M' : sex === '2' ? 'F' : undefined);
  set(pupil, 'mefCode', text(node, 'CODE_MEF'));
  set(pupil, 'entryDate', isoDateOf(text(node, 'DATE_ENTREE', 'DATE_ENTREE_ELE')));
  set(pupil, 'exitDate', isoDateOf(text(node, 'DATE_SORTIE', 'DATE_SORTIE_ETAB')));
  set(pupil, 'exitMotive', text(node, 'CODE_MOTIF_SORTIE'));
  set(pupil, 'regime', text(node, 'CODE_REGIME', 'CODE_REGIME2'));
  set(pupil, 'statut', text(node, 'CODE_STATUT'));
  return pupil;
}

/**
 * Reads `ElevesSansAdresses.xml` / `ElevesAvecAdresses.xml` (root `BEE_ELEVES`, bare or in
 * SIECLE's zip) for the target establishment and year: each pupil with its ids (ELEVE_ID, the
 * INEs, ID_PRV_ELE), identity, MEF, division and groups (joined on ELEVE_ID, never on ELENOET,
 * FORMAT.md §3.2), exit and options. Old and new element names are both read (`NOM`,
 * `NOM_DE_FAMILLE`); addresses are not kept.
 */
export async function readElevesFile(bytes: Uint8Array, target: { uai: string; year: number }): Promise<ElevesFile> {
  const file = await readXmlFile(bytes, {
    roots: ['BEE_ELEVES', 'BEE_EPHC_ELEVES'],
    expected: 'un export Élèves de SIECLE (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml)',
    arrays: ARRAYS,
  });
  const parameters = readBeeParameters(file.root);
  assertFileTarget(parameters, target);
  const notes = [...file.notes];
  if (file.rootName !== 'BEE_ELEVES') notes.push(`élément racine <${file.rootName}> lu comme <BEE_ELEVES>`);
  const data = descend(file.root, 'DONNEES');
  const pupils = children(descend(data, 'ELEVES'), 'ELEVE').map((node, index) => readEleve(node, index + 1));
  const byId = new Map<string, BeeEleve>();
  for (const p of pupils)
    if (p.eleveId !== undefined && !byId.has(idKey(p.eleveId) as string)) byId.set(idKey(p.eleveId) as string, p);

  const orphans = new Set<string>();
  const ownerOf = (node: XmlNode) => {
    const id = idKey(key(node, 'ELEVE_ID'));
    const pupil = id === undefined ? undefined : byId.get(id);
    if (!pupil) orphans.add(id ?? '?');
    return pupil;
  };
  const severalDivisions: string[] = [];
  for (const node of children(descend(data, 'STRUCTURES'), 'STRUCTURES_ELEVE')) {
    const pupil = ownerOf(node);
    if (!pupil) continue;
    for (const s of children(node, 'STRUCTURE')) {
      const code = text(s, 'CODE_STRUCTURE');
      if (code === undefined) continue;
      if (text(s, 'TYPE_STRUCTURE') === 'G') {
        if (!pupil.groups.includes(code)) pupil.groups.push(code);
      } else if (pupil.division === undefined) {
        pupil.division = code;
      } else if (pupil.division !== code) {
        severalDivisions.push(pupil.eleveId ?? String(pupil.position));
      }
    }
  }
  for (const node of children(descend(data, 'OPTIONS'), 'OPTION')) {
    const pupil = ownerOf(node);
    if (!pupil) continue;
    for (const o of children(node, 'OPTIONS_ELEVE')) {
      const subjectCode = text(o, 'CODE_MATIERE');
      if (subjectCode === undefined) continue;
      const modality = text(o, 'CODE_MODALITE_ELECT');
      const rank = text(o, 'NUM_OPTION');
      pupil.options.push({
        subjectCode,
        ...(modality === undefined ? {} : { modality }),
        ...(rank === undefined ? {} : { rank }),
      });
    }
  }
  if (orphans.size > 0)
    notes.push(`structures ou options d’élèves absents du bloc ELEVES ignorées (ELEVE_ID ${[...orphans].join(', ')})`);
  if (severalDivisions.length > 0)
    notes.push(`élève(s) avec plusieurs divisions, la première est retenue (ELEVE_ID ${severalDivisions.join(', ')})`);
  const version = attribute(file.root, 'VERSION');
  return { parameters, ...(version === undefined ? {} : { version }), rootName: file.rootName, pupils, notes };
}
