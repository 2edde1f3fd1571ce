import { type Importer, type ImportPlan, type ImportRow } from '@liaison/domain';
import { type StructureServices, type Subject, type Teacher } from '../events/reference-events';
import { normaliseStructureServices, normaliseTeacher, referenceStateOf, sameReference } from '../reference/reference-state';
import { sourceOf, STS_EMP_FORMAT_ID } from './format-ids';
import { refuseFirstDegree } from './guard';
import { diffRows } from './rows';
import { readStsEmpFile } from './sts-emp-file';
import { structureRows } from './structure-rows';

const CIVILITIES: Readonly<Record<string, string>> = { '1': 'M.', '2': 'MME' };

const teacherSubject = (t: Teacher) => [CIVILITIES[t.civility ?? ''], t.lastName, t.firstName].filter(Boolean).join(' ');

function teacherMessage(t: Teacher): string {
  const parts = [t.function ? `fonction ${t.function}` : 'fonction non renseignée'];
  if (t.disciplines.length > 0) parts.push(`discipline(s) ${t.disciplines.map((d) => d.label ?? d.code).join(', ')}`);
  if (t.mainTeacherOf.length > 0) parts.push(`professeur principal de ${t.mainTeacherOf.map((p) => p.structureCode).join(', ')}`);
  return parts.join(' ; ');
}

function servicesMessage(
  s: StructureServices,
  subjects: Readonly<Record<string, Subject>>,
  teachers: ReadonlyMap<string, Teacher>,
): string {
  if (s.services.length === 0) return 'aucun service';
  return s.services
    .map((service) => {
      const subject = subjects[service.subjectCode];
      const who = service.teachers.map((t) => teachers.get(t.stsId)?.lastName ?? t.stsId).join(', ');
      const name = subject?.managementCode ?? subject?.label ?? service.subjectCode;
      return `${name}${service.courseModality ? ` ${service.courseModality}` : ''} (${who || 'sans enseignant'})`;
    })
    .join(', ');
}

/**
 * « Importation … STS-web » (seed, step 7): `sts_emp_<UAI>_<AAAA>.xml` (root STS_EDT). Its
 * divisions make the year's classes as `Structures.xml` does; its groups, people (INDIVIDUS:
 * STS id, civilité, names, function, disciplines) and services (division or group × subject ×
 * teachers) are reference data for the LSU; its subjects are added to the reference subjects
 * when SIECLE's Nomenclature.xml did not already bring them (SIECLE's labels win).
 */
export function stsEmpImporter(): Importer<Promise<ImportPlan>> {
  return {
    formatId: STS_EMP_FORMAT_ID,
    displayName: 'STS-web : structures, enseignants et services (sts_emp_<UAI>_<AAAA>.xml)',
    status: 'official',
    async parse(bytes, context): Promise<ImportPlan> {
      const { snapshot } = context;
      refuseFirstDegree(snapshot);
      const file = await readStsEmpFile(bytes, { uai: context.uai, year: context.year });
      const target = { uai: context.uai, year: context.year, source: sourceOf(context.fileName) };
      const reference = referenceStateOf(snapshot);
      const notes = [`fichier ${context.fileName}`, ...file.notes];
      const name = /^(sts_emp|emp_sts)_([0-9A-Za-z]+)_([0-9]{4})\.xml$/i.exec(context.fileName);
      if (name && (name[2]?.toUpperCase() !== context.uai || Number(name[3]) !== context.year)) {
        notes.push(
          `le nom du fichier (${context.fileName}) ne correspond pas à ${context.uai} / ${context.year} : le contenu (PARAMETRES) fait foi`,
        );
      }

      const newSubjects = file.subjects.filter((s) => !Object.hasOwn(reference.subjects, s.code));
      const known = file.subjects.length - newSubjects.length;
      const rows: ImportRow[] = diffRows(
        newSubjects.map((s) => ({ key: s.code, item: s, ref: `matière ${s.code}`, subject: s.label })),
        {
          current: () => undefined,
          same: sameReference,
          command: (subjects) => ({ type: 'DeclareSiecleSubjects', payload: { ...target, subjects } }),
          describe: () => 'matière de STS-web absente de la nomenclature SIECLE importée',
        },
      );
      if (known > 0)
        notes.push(`${known} matière(s) de STS-web déjà connue(s) par la nomenclature SIECLE : libellés de SIECLE conservés`);

      const structures = structureRows(file.divisions, file.groups, snapshot, target);
      rows.push(...structures.rows);
      notes.push(...structures.notes);

      const teachers = file.teachers.map(normaliseTeacher);
      rows.push(
        ...diffRows(
          teachers.map((t) => ({ key: t.stsId, item: t, ref: `individu STS ${t.stsId}`, subject: teacherSubject(t) })),
          {
            current: (id) => reference.teachers[id],
            same: sameReference,
            command: (changed) => ({ type: 'DeclareStsTeachers', payload: { ...target, teachers: changed } }),
            describe: teacherMessage,
          },
        ),
      );

      const subjects = { ...Object.fromEntries(file.subjects.map((s) => [s.code, s])), ...reference.subjects };
      const byId = new Map(teachers.map((t) => [t.stsId, t]));
      const services = file.services.map(normaliseStructureServices);
      rows.push(
        ...diffRows(
          services.map((s) => ({
            key: s.structureCode,
            item: s,
            ref: `services ${s.structureKind === 'division' ? 'de la division' : 'du groupe'} ${s.structureCode}`,
            subject: s.structureCode,
          })),
          {
            current: (code) => reference.services[code],
            same: sameReference,
            command: (structuresChanged) => ({
              type: 'DeclareStsServices',
              payload: { ...target, structures: structuresChanged },
            }),
            describe: (s) => servicesMessage(s, subjects, byId),
          },
        ),
      );
      const unknownTeachers = [
        ...new Set(
          services
            .flatMap((s) => s.services.flatMap((x) => x.teachers.map((t) => t.stsId)))
            .filter((id) => !byId.has(id) && !reference.teachers[id]),
        ),
      ];
      if (unknownTeachers.length > 0)
        notes.push(`enseignant(s) de services absent(s) des INDIVIDUS : ${unknownTeachers.join(', ')}`);
      const serviceCount = services.reduce((n, s) => n + s.services.length, 0);
      return {
        rows,
        notes,
        successMessage:
          `Import STS-web réussi : ${file.divisions.length} division(s), ${file.groups.length} groupe(s), ` +
          `${file.teachers.length} individu(s), ${serviceCount} service(s)`,
      };
    },
  };
}
