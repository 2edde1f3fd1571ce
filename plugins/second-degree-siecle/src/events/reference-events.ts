import { defineEvent, type EventData } from '@liaison/events';
import { z } from 'zod';

/**
 * SIECLE and STS-web reference data of one establishment's year, on the plugin stream
 * `siecleref-<UAI>-<YYYY>`: the code lists that are SIECLE's own (exit motives, régimes,
 * statuts…), the subjects (MATIERES), what each MEF teaches (programmes, mandatory options),
 * the divisions and groups with their MEFs, and STS-web's teachers and services. Other plugins
 * (LSU) read these events; formations (MEFs) and languages are core facts, declared with the
 * core `DeclareFormations` / `DeclareLanguages` instead.
 *
 * Each event carries only what is new or changed; lists are upserted by key (`evolve` in
 * `src/reference/`), except that a MEF's programme and a structure's services are replaced
 * whole. Nothing is ever removed by omission. Codes and ids are strings: leading zeros are data.
 */

/** The stream kind (the part of the stream id before the first dash). */
export const REFERENCE_STREAM_KIND = 'siecleref';
export const referenceStreamId = (uai: string, year: number) => `${REFERENCE_STREAM_KIND}-${uai}-${year}`;

const uai = z.string().regex(/^\d{7}[A-Z]$/);
const year = z.number().int().min(1900).max(2999);
const code = z.string().min(1).max(40);
const label = z.string().min(1);
const ref = { uai, year, source: z.string().min(1) };

/** SIECLE's code lists kept as reference data (`Nomenclature.xml`, FORMAT.md §5 and §11). */
export const SIECLE_CODE_LISTS = [
  'exitMotives',
  'regimes',
  'statuts',
  'electionModalities',
  'courseModalities',
  'parentLinks',
  'responsibilityLevels',
  'bourses',
  'professions',
  'provenances',
  'contracts',
  'civilities',
  'establishmentTypes',
] as const;
export type SiecleCodeList = (typeof SIECLE_CODE_LISTS)[number];

/** One code of a list: `label` is the long label; the other fields of the file are `attributes` (LIBELLE_COURT, TRI…). */
export const codeEntryShape = z.object({
  code,
  label,
  attributes: z.record(z.string(), z.string()).optional(),
});
export type CodeEntry = z.infer<typeof codeEntryShape>;

/** A subject (MATIERE): `code` is CODE_MATIERE (6 digits), `label` its LIBELLE_LONG. */
export const subjectShape = z.object({
  code,
  label,
  /** CODE_GESTION, e.g. AGL1. */
  managementCode: z.string().min(1).optional(),
  shortLabel: z.string().min(1).optional(),
  editionLabel: z.string().min(1).optional(),
  /** CODE_MATIERE_NATIONALE, for academic subjects. */
  nationalCode: z.string().min(1).optional(),
  /** MATIERE_ETP. */
  etp: z.boolean().optional(),
});
export type Subject = z.infer<typeof subjectShape>;

/** One line of a MEF's programme; its key is (subject, modality) (FORMAT.md §5). */
export const programmeLineShape = z.object({
  subjectCode: code,
  /** CODE_MODALITE_ELECT (S, O, F…). */
  modality: z.string().min(1),
  /** HORAIRE as written ("3.00"). */
  hours: z.string().min(1).optional(),
});
export const mandatoryOptionShape = z.object({ subjectCode: code, rank: z.string().min(1) });

/** What a MEF teaches: its programme and its mandatory options (OPTIONS_OBLIGATOIRES). */
export const mefSubjectsShape = z.object({
  mefCode: code,
  programme: z.array(programmeLineShape),
  mandatoryOptions: z.array(mandatoryOptionShape),
});
export type MefSubjects = z.infer<typeof mefSubjectsShape>;

/** A division (class) as SIECLE or STS-web describe it. `contract` is CODE_CONTRAT (1 hors contrat, 3 association). */
export const divisionShape = z.object({
  code: z.string().min(1).max(20),
  label: z.string().min(1).optional(),
  contract: z.string().min(1).optional(),
  mefCodes: z.array(code),
});
export type Division = z.infer<typeof divisionShape>;

/** A group (TYPE_STRUCTURE G): reference data only, never a class. */
export const groupShape = divisionShape.extend({ divisionCodes: z.array(z.string().min(1).max(20)) });
export type Group = z.infer<typeof groupShape>;

/** A person of STS-web (INDIVIDU); `stsId` is INDIVIDU/@ID, the `id-sts` LSU expects. */
export const teacherShape = z.object({
  stsId: z.string().min(1),
  /** INDIVIDU/@TYPE ("epp", "local"). */
  idType: z.string().min(1).optional(),
  /** STS civilité code (1, 2, 3). */
  civility: z.string().min(1).optional(),
  /** STS sexe code (1, 2). */
  sex: z.string().min(1).optional(),
  /** NOM_USAGE. */
  lastName: z.string().min(1),
  /** NOM_PATRONYMIQUE. */
  birthName: z.string().min(1).optional(),
  firstName: z.string().min(1),
  grade: z.string().min(1).optional(),
  /** FONCTION: ENS for a teacher. */
  function: z.string().min(1).optional(),
  disciplines: z.array(z.object({ code, label: z.string().min(1).optional(), hours: z.string().min(1).optional() })),
  /** PROFS_PRINC: the divisions the person is professeur principal of. */
  mainTeacherOf: z.array(
    z.object({
      structureCode: z.string().min(1),
      from: z.string().min(1).optional(),
      to: z.string().min(1).optional(),
    }),
  ),
});
export type Teacher = z.infer<typeof teacherShape>;

/** One service of a structure: a subject, its course modality, its teachers. */
export const serviceShape = z.object({
  subjectCode: code,
  /** CODE_MOD_COURS (CG, TD…), when given. */
  courseModality: z.string().min(1).optional(),
  teachers: z.array(z.object({ stsId: z.string().min(1), idType: z.string().min(1).optional() })),
});
export type Service = z.infer<typeof serviceShape>;

/** The services of one division or group, replaced whole by each declaration. */
export const structureServicesShape = z.object({
  structureCode: z.string().min(1).max(20),
  structureKind: z.enum(['division', 'group']),
  services: z.array(serviceShape),
});
export type StructureServices = z.infer<typeof structureServicesShape>;

/** Codes of one SIECLE code list, added or changed. */
export const SiecleCodeListDeclared = defineEvent(
  'SiecleCodeListDeclared',
  z.object({ ...ref, list: z.enum(SIECLE_CODE_LISTS), entries: z.array(codeEntryShape).min(1) }),
);

/** Subjects (MATIERES of Nomenclature.xml, or of STS-web), added or changed. */
export const SiecleSubjectsDeclared = defineEvent(
  'SiecleSubjectsDeclared',
  z.object({ ...ref, subjects: z.array(subjectShape).min(1) }),
);

/** MEF ⇄ subjects: each listed MEF's programme and mandatory options, replaced whole. */
export const SiecleMefSubjectsDeclared = defineEvent(
  'SiecleMefSubjectsDeclared',
  z.object({ ...ref, mefs: z.array(mefSubjectsShape).min(1) }),
);

/** Divisions and groups with their MEFs (Structures.xml, sts_emp), added or changed. */
export const SiecleStructuresDeclared = defineEvent(
  'SiecleStructuresDeclared',
  z
    .object({ ...ref, divisions: z.array(divisionShape), groups: z.array(groupShape) })
    .refine((d) => d.divisions.length + d.groups.length > 0),
);

/** STS-web people (INDIVIDUS), added or changed. */
export const StsTeachersDeclared = defineEvent(
  'StsTeachersDeclared',
  z.object({ ...ref, teachers: z.array(teacherShape).min(1) }),
);

/** STS-web services (division or group × subject × teachers), replaced per structure. */
export const StsServicesDeclared = defineEvent(
  'StsServicesDeclared',
  z.object({ ...ref, structures: z.array(structureServicesShape).min(1) }),
);

/** Every reference event type, for the plugin's `events`. */
export const referenceEvents = [
  SiecleCodeListDeclared,
  SiecleSubjectsDeclared,
  SiecleMefSubjectsDeclared,
  SiecleStructuresDeclared,
  StsTeachersDeclared,
  StsServicesDeclared,
];

export type SiecleCodeListDeclaredData = EventData<typeof SiecleCodeListDeclared>;
export type SiecleSubjectsDeclaredData = EventData<typeof SiecleSubjectsDeclared>;
export type SiecleMefSubjectsDeclaredData = EventData<typeof SiecleMefSubjectsDeclared>;
export type SiecleStructuresDeclaredData = EventData<typeof SiecleStructuresDeclared>;
export type StsTeachersDeclaredData = EventData<typeof StsTeachersDeclared>;
export type StsServicesDeclaredData = EventData<typeof StsServicesDeclared>;
