import {
  type Division,
  type Group,
  type Service,
  type StructureServices,
  type Subject,
  type Teacher,
} from '../events/reference-events';
import {
  assertFileTarget,
  attribute,
  children,
  descend,
  type FileParameters,
  key,
  readStsParameters,
  readXmlFile,
  text,
  type XmlNode,
} from '../xml';
import { readSubjectNode } from './nomenclature-file';
import { firstOfEachKey } from './rows';
import { divisionCodesOf, mefCodesOf } from './structures-file';

/** STS-web's `sts_emp_<UAI>_<AAAA>.xml` as Liaison reads it. */
export interface StsEmpFile {
  parameters: FileParameters;
  subjects: Subject[];
  divisions: Division[];
  groups: Group[];
  teachers: Teacher[];
  /** The services of each division and group, in file order. */
  services: StructureServices[];
  notes: string[];
}

const ARRAYS = [
  'MATIERE',
  'MEF',
  'INDIVIDU',
  'DISCIPLINE',
  'PROF_PRINC',
  'DIVISION',
  'GROUPE',
  'MEF_APPARTENANCE',
  'DIVISION_APPARTENANCE',
  'SERVICE',
  'ENSEIGNANT',
];

function readTeacher(node: XmlNode): Teacher | undefined {
  const stsId = attribute(node, 'ID') ?? text(node, 'ID');
  if (stsId === undefined) return undefined;
  const lastName = text(node, 'NOM_USAGE', 'NOM_PATRONYMIQUE', 'NOM');
  const firstName = text(node, 'PRENOM');
  if (lastName === undefined || firstName === undefined) return undefined;
  const teacher: Teacher = { stsId, lastName, firstName, disciplines: [], mainTeacherOf: [] };
  const optional: Array<[keyof Teacher, string | undefined]> = [
    ['idType', attribute(node, 'TYPE')],
    ['civility', text(node, 'CIVILITE')],
    ['sex', text(node, 'SEXE')],
    ['birthName', text(node, 'NOM_PATRONYMIQUE')],
    ['grade', text(node, 'GRADE')],
    ['function', text(node, 'FONCTION')],
  ];
  for (const [field, value] of optional) if (value !== undefined) (teacher as unknown as Record<string, string>)[field] = value;
  for (const d of children(descend(node, 'DISCIPLINES'), 'DISCIPLINE')) {
    const code = key(d, 'CODE');
    if (code === undefined) continue;
    const label = text(d, 'LIBELLE_COURT', 'LIBELLE_LONG');
    const hours = text(d, 'NB_HEURES');
    teacher.disciplines.push({ code, ...(label === undefined ? {} : { label }), ...(hours === undefined ? {} : { hours }) });
  }
  for (const p of children(descend(node, 'PROFS_PRINC'), 'PROF_PRINC')) {
    const structureCode = key(p, 'CODE_STRUCTURE', 'CODE');
    if (structureCode === undefined) continue;
    const from = text(p, 'DATE_DEBUT');
    const to = text(p, 'DATE_FIN');
    teacher.mainTeacherOf.push({ structureCode, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  }
  return teacher;
}

function readServices(node: XmlNode): Service[] {
  const services: Service[] = [];
  for (const s of children(descend(node, 'SERVICES'), 'SERVICE')) {
    const subjectCode = key(s, 'CODE_MATIERE');
    if (subjectCode === undefined) continue;
    const courseModality = key(s, 'CODE_MOD_COURS');
    const teachers = children(descend(s, 'ENSEIGNANTS'), 'ENSEIGNANT')
      .map((e) => ({ stsId: attribute(e, 'ID') ?? text(e, 'ID'), idType: attribute(e, 'TYPE') }))
      .filter((t): t is { stsId: string; idType: string | undefined } => t.stsId !== undefined)
      .map((t) => (t.idType === undefined ? { stsId: t.stsId } : { stsId: t.stsId, idType: t.idType }));
    services.push({ subjectCode, ...(courseModality === undefined ? {} : { courseModality }), teachers });
  }
  return services;
}

/**
 * Reads STS-web's timetable export (root `STS_EDT`, FORMAT.md §7.2) for the target
 * establishment and year: subjects, divisions and groups with their MEFs, people (INDIVIDUS)
 * and services. No real file or XSD is public: the element names are those GEPI and pyKol read.
 * Birth dates of staff are not kept (nothing in Liaison needs them).
 */
export async function readStsEmpFile(bytes: Uint8Array, target: { uai: string; year: number }): Promise<StsEmpFile> {
  const file = await readXmlFile(bytes, {
    roots: ['STS_EDT'],
    expected: 'un export emploi du temps de STS-web (sts_emp_<UAI>_<AAAA>.xml)',
    arrays: ARRAYS,
  });
  const parameters = readStsParameters(file.root);
  assertFileTarget(parameters, target);
  const notes = [...file.notes];

  const subjects = children(descend(file.root, 'NOMENCLATURES', 'MATIERES'), 'MATIERE')
    .map(readSubjectNode)
    .filter((s): s is Subject => s !== undefined);

  const data = descend(file.root, 'DONNEES');
  const teachers: Teacher[] = [];
  let incomplete = 0;
  for (const node of children(descend(data, 'INDIVIDUS'), 'INDIVIDU')) {
    const teacher = readTeacher(node);
    if (teacher) teachers.push(teacher);
    else incomplete += 1;
  }
  if (incomplete > 0) notes.push(`${incomplete} individu(s) sans identifiant, nom ou prénom ignoré(s)`);

  const structure = descend(data, 'STRUCTURE') ?? descend(data, 'STRUCTURES');
  const divisions: Division[] = [];
  const groups: Group[] = [];
  const services: StructureServices[] = [];
  for (const node of children(descend(structure, 'DIVISIONS'), 'DIVISION')) {
    const code = key(node, 'CODE', 'CODE_STRUCTURE');
    if (code === undefined) continue;
    const label = text(node, 'LIBELLE_LONG', 'LIBELLE_COURT');
    divisions.push({ code, ...(label === undefined ? {} : { label }), mefCodes: mefCodesOf(node) });
    services.push({ structureCode: code, structureKind: 'division', services: readServices(node) });
  }
  for (const node of children(descend(structure, 'GROUPES'), 'GROUPE')) {
    const code = key(node, 'CODE', 'CODE_STRUCTURE');
    if (code === undefined) continue;
    const label = text(node, 'LIBELLE_LONG', 'LIBELLE_COURT');
    groups.push({
      code,
      ...(label === undefined ? {} : { label }),
      mefCodes: mefCodesOf(node),
      divisionCodes: divisionCodesOf(node),
    });
    services.push({ structureCode: code, structureKind: 'group', services: readServices(node) });
  }
  return {
    parameters,
    subjects: firstOfEachKey(subjects, (s) => s.code, 'matière', notes),
    divisions: firstOfEachKey(divisions, (d) => d.code, 'division', notes),
    groups: firstOfEachKey(groups, (g) => g.code, 'groupe', notes),
    teachers: firstOfEachKey(teachers, (t) => t.stsId, 'individu', notes),
    services: firstOfEachKey(services, (s) => s.structureCode, 'structure', notes),
    notes,
  };
}
