import { isMefCode, type NomenclatureEntry } from '@liaison/domain';
import { type CodeEntry, type MefSubjects, type SiecleCodeList, type Subject } from '../events/reference-events';
import {
  assertFileTarget,
  attribute,
  booleanOf,
  children,
  descend,
  type FileParameters,
  isoDateOf,
  key,
  readBeeParameters,
  readXmlFile,
  simpleFields,
  text,
  type XmlNode,
} from '../xml';
import { firstOfEachKey } from './rows';

/** Where each SIECLE code list is in `Nomenclature.xml` (FORMAT.md §5), and what a report calls one code. */
export const CODE_LIST_LAYOUT: ReadonlyArray<{
  list: SiecleCodeList;
  container: string;
  elements: string[];
  code: string;
  what: string;
}> = [
  {
    list: 'exitMotives',
    container: 'MOTIFS_SORTIE',
    elements: ['MOTIF_SORTIE'],
    code: 'CODE_MOTIF_SORTIE',
    what: 'motif de sortie',
  },
  { list: 'regimes', container: 'REGIMES', elements: ['REGIME'], code: 'CODE_REGIME', what: 'régime' },
  { list: 'statuts', container: 'STATUTS_ELEVE', elements: ['STATUT_ELEVE'], code: 'CODE_STATUT', what: 'statut' },
  {
    list: 'electionModalities',
    container: 'MODALITES_ELECTION',
    elements: ['MODALITE_ELECTION'],
    code: 'CODE_MODALITE_ELECT',
    what: 'modalité d’élection',
  },
  {
    list: 'courseModalities',
    container: 'MODALITES_COURS',
    elements: ['MODALITE_COURS'],
    code: 'CODE_MODALITE_COURS',
    what: 'modalité de cours',
  },
  { list: 'parentLinks', container: 'LIENS_PARENTE', elements: ['LIEN_PARENTE'], code: 'CODE_PARENTE', what: 'lien de parenté' },
  {
    list: 'responsibilityLevels',
    container: 'NIVEAUX_RESPONSABILITE',
    // Real files write the element with an "N_" prefix; the plain name is accepted too.
    elements: ['N_NIVEAU_RESPONSABILITE', 'NIVEAU_RESPONSABILITE'],
    code: 'NIVEAU_RESPONSABILITE',
    what: 'niveau de responsabilité',
  },
  { list: 'bourses', container: 'BOURSES', elements: ['BOURSE'], code: 'CODE_BOURSE', what: 'bourse' },
  { list: 'professions', container: 'PROFESSIONS', elements: ['PROFESSION'], code: 'CODE_PROFESSION', what: 'profession (PCS)' },
  { list: 'provenances', container: 'PROVENANCES', elements: ['PROVENANCE'], code: 'CODE_PROVENANCE', what: 'provenance' },
  { list: 'contracts', container: 'CONTRATS', elements: ['CONTRAT'], code: 'CODE_CONTRAT', what: 'contrat' },
  { list: 'civilities', container: 'CIVILITES', elements: ['CIVILITE'], code: 'CODE_CIVILITE', what: 'civilité' },
  {
    list: 'establishmentTypes',
    container: 'TYPES_ETABLISSEMENT',
    elements: ['TYPE_ETABLISSEMENT'],
    code: 'CODE_TYPE_ETAB',
    what: 'type d’établissement',
  },
];

/** Elements that are lists in `Nomenclature.xml`. */
const ARRAYS = ['MEF', 'MATIERE', 'PROGRAMME', 'OPTION_OBLIGATOIRE', ...CODE_LIST_LAYOUT.flatMap((l) => l.elements)];

const LABELS = ['LIBELLE_LONG', 'LIBELLE_LONG_PCS', 'LIBELLE_EDITION', 'LIBELLE_COURT', 'LIBELLE_COURT_PCS'];
const DATE_FIELDS = new Set(['DATE_OUVERTURE', 'DATE_FERMETURE']);

/** `Nomenclature.xml` as Liaison reads it. */
export interface NomenclatureFile {
  parameters: FileParameters;
  version?: string;
  encoding: string;
  /** The MEFs as formation entries: code CODE_MEF, label LIBELLE_LONG, the other fields as attributes. */
  mefs: NomenclatureEntry[];
  subjects: Subject[];
  /** What each MEF teaches (every MEF of the file, and any MEF its programmes name). */
  mefSubjects: MefSubjects[];
  /** The code lists present in the file, by list. */
  codeLists: Partial<Record<SiecleCodeList, CodeEntry[]>>;
  /** French remarks: encoding, skipped lines, doubles. */
  notes: string[];
}

function labelOf(fields: Record<string, string>, fallback: string): string {
  for (const name of LABELS) if (fields[name] !== undefined) return fields[name] as string;
  return fallback;
}

function readMef(node: XmlNode): NomenclatureEntry | undefined {
  const code = key(node, 'CODE_MEF');
  if (code === undefined) return undefined;
  const fields = simpleFields(node);
  delete fields.CODE_MEF;
  const label = labelOf(fields, fields.FORMATION ?? code);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'LIBELLE_LONG') continue;
    // Dates are YYYY-MM-DD everywhere in Liaison (31/12/9999, "no end", becomes 9999-12-31).
    attributes[name] = DATE_FIELDS.has(name) ? (isoDateOf(value) ?? value) : value;
  }
  return Object.keys(attributes).length > 0 ? { code, label, attributes } : { code, label };
}

function readSubject(node: XmlNode): Subject | undefined {
  const code = key(node, 'CODE_MATIERE', 'CODE');
  if (code === undefined) return undefined;
  const subject: Subject = { code, label: text(node, 'LIBELLE_LONG', 'LIBELLE_EDITION', 'LIBELLE_COURT') ?? code };
  const managementCode = text(node, 'CODE_GESTION');
  const shortLabel = text(node, 'LIBELLE_COURT');
  const editionLabel = text(node, 'LIBELLE_EDITION');
  const nationalCode = text(node, 'CODE_MATIERE_NATIONALE');
  const etp = booleanOf(text(node, 'MATIERE_ETP'));
  if (managementCode !== undefined) subject.managementCode = managementCode;
  if (shortLabel !== undefined) subject.shortLabel = shortLabel;
  if (editionLabel !== undefined) subject.editionLabel = editionLabel;
  if (nationalCode !== undefined) subject.nationalCode = nationalCode;
  if (etp !== undefined) subject.etp = etp;
  return subject;
}

/** A subject read the same way from STS-web's `<MATIERE CODE="…">` (FORMAT.md §7.2). */
export const readSubjectNode = readSubject;

function readCodeEntry(node: XmlNode, codeName: string): CodeEntry | undefined {
  const code = key(node, codeName);
  if (code === undefined) return undefined;
  const fields = simpleFields(node);
  delete fields[codeName];
  const labelField = LABELS.find((name) => fields[name] !== undefined);
  const label = labelField === undefined ? code : (fields[labelField] as string);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (name !== labelField) attributes[name] = value;
  return Object.keys(attributes).length > 0 ? { code, label, attributes } : { code, label };
}

/**
 * Reads `Nomenclature.xml` (root `BEE_NOMENCLATURES`, bare or in SIECLE's zip) for the target
 * establishment and year: refuses another UAJ or year, then reads every MEF, subject,
 * programme line, mandatory option and code list, leniently (missing and empty tags alike,
 * codes as attributes or children, unknown elements ignored). Lines without their code are
 * skipped with a note; a code given twice keeps its first occurrence.
 */
export async function readNomenclatureFile(bytes: Uint8Array, target: { uai: string; year: number }): Promise<NomenclatureFile> {
  const file = await readXmlFile(bytes, {
    roots: ['BEE_NOMENCLATURES'],
    expected: 'un export Nomenclature de SIECLE (Nomenclature.xml)',
    arrays: ARRAYS,
  });
  const parameters = readBeeParameters(file.root);
  assertFileTarget(parameters, target);
  const notes = [...file.notes];
  const data = descend(file.root, 'DONNEES');

  const skipped: Record<string, number> = {};
  const skip = (what: string) => (skipped[what] = (skipped[what] ?? 0) + 1);

  const mefs: NomenclatureEntry[] = [];
  for (const node of children(descend(data, 'MEFS'), 'MEF')) {
    const mef = readMef(node);
    if (!mef) skip('MEF sans CODE_MEF');
    else if (!isMefCode(mef.code)) {
      skip(`MEF au code invalide (« ${mef.code} » : 11 chiffres attendus)`);
    } else mefs.push(mef);
  }
  const subjects: Subject[] = [];
  for (const node of children(descend(data, 'MATIERES'), 'MATIERE')) {
    const subject = readSubject(node);
    if (subject) subjects.push(subject);
    else skip('MATIERE sans CODE_MATIERE');
  }

  const teaching = new Map<string, MefSubjects>();
  const of = (mefCode: string) => {
    let m = teaching.get(mefCode);
    if (!m) teaching.set(mefCode, (m = { mefCode, programme: [], mandatoryOptions: [] }));
    return m;
  };
  const keptMefs = firstOfEachKey(mefs, (m) => m.code, 'MEF', notes);
  for (const mef of keptMefs) of(mef.code);
  const programmeKeys = new Set<string>();
  for (const node of children(descend(data, 'PROGRAMMES'), 'PROGRAMME')) {
    const mefCode = key(node, 'CODE_MEF');
    const subjectCode = key(node, 'CODE_MATIERE');
    const modality = key(node, 'CODE_MODALITE_ELECT');
    if (mefCode === undefined || subjectCode === undefined || modality === undefined) {
      skip('PROGRAMME incomplet (CODE_MEF, CODE_MATIERE ou CODE_MODALITE_ELECT absent)');
      continue;
    }
    // The key of a programme line is (MEF, subject, modality) (FORMAT.md §5).
    const k = `${mefCode}|${subjectCode}|${modality}`;
    if (programmeKeys.has(k)) continue;
    programmeKeys.add(k);
    const hours = text(node, 'HORAIRE');
    of(mefCode).programme.push({ subjectCode, modality, ...(hours === undefined ? {} : { hours }) });
  }
  const optionKeys = new Set<string>();
  for (const node of children(descend(data, 'OPTIONS_OBLIGATOIRES'), 'OPTION_OBLIGATOIRE')) {
    const mefCode = key(node, 'CODE_MEF');
    const subjectCode = key(node, 'CODE_MATIERE');
    const rank = key(node, 'RANG_OPTION') ?? '';
    if (mefCode === undefined || subjectCode === undefined || rank === '') {
      skip('OPTION_OBLIGATOIRE incomplète (CODE_MEF, CODE_MATIERE ou RANG_OPTION absent)');
      continue;
    }
    const k = `${mefCode}|${subjectCode}|${rank}`;
    if (optionKeys.has(k)) continue;
    optionKeys.add(k);
    of(mefCode).mandatoryOptions.push({ subjectCode, rank });
  }

  const codeLists: Partial<Record<SiecleCodeList, CodeEntry[]>> = {};
  for (const layout of CODE_LIST_LAYOUT) {
    const container = descend(data, layout.container);
    if (!container) continue;
    const entries: CodeEntry[] = [];
    for (const node of children(container, ...layout.elements)) {
      const entry = readCodeEntry(node, layout.code);
      if (entry) entries.push(entry);
      else skip(`${layout.elements[0]} sans ${layout.code}`);
    }
    if (entries.length > 0) codeLists[layout.list] = firstOfEachKey(entries, (e) => e.code, layout.what, notes);
  }

  for (const [what, n] of Object.entries(skipped)) notes.push(`${n} × ${what} : ignoré(s)`);
  const version = attribute(file.root, 'VERSION');
  return {
    parameters,
    ...(version === undefined ? {} : { version }),
    encoding: file.encoding,
    mefs: keptMefs,
    subjects: firstOfEachKey(subjects, (s) => s.code, 'matière', notes),
    mefSubjects: [...teaching.values()],
    codeLists,
    notes,
  };
}
