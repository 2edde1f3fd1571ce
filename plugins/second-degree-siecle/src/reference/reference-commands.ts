import {
  accept,
  assertYearOpen,
  type Command,
  type CommandDefinition,
  type Decider,
  type Decision,
  defineCommand,
  schoolYearSchema,
  streamIds,
  textSchema,
  uaiSchema,
  yearDecider,
  type YearState,
} from '@liaison/domain';
import { z } from 'zod';
import {
  codeEntryShape,
  divisionShape,
  groupShape,
  mefSubjectsShape,
  referenceStreamId,
  SIECLE_CODE_LISTS,
  SiecleCodeListDeclared,
  SiecleMefSubjectsDeclared,
  SiecleStructuresDeclared,
  SiecleSubjectsDeclared,
  structureServicesShape,
  StsServicesDeclared,
  StsTeachersDeclared,
  subjectShape,
  teacherShape,
} from '../events/reference-events';
import {
  evolveReference,
  initialReferenceState,
  normaliseDivision,
  normaliseMefSubjects,
  normaliseStructureServices,
  normaliseTeacher,
  sameReference,
  type SiecleReferenceState,
} from './reference-state';

const ref = {
  uai: uaiSchema,
  year: schoolYearSchema,
  /** What declares them: the imported file (`second-degree-siecle:Nomenclature.xml`). */
  source: textSchema('source', 200),
};

/** A list in which each key appears once; `what` names an item in the message. */
const uniqueList = <T extends z.ZodType>(item: T, keyOf: (value: z.output<T>) => string, what: string, min = 1) =>
  z
    .array(item, { error: `${what} : une liste est attendue` })
    .min(min, `${what} : au moins une entrée est attendue`)
    .superRefine((items, ctx) => {
      const first = new Map<string, number>();
      items.forEach((value, index) => {
        const k = keyOf(value);
        const earlier = first.get(k);
        if (earlier === undefined) first.set(k, index);
        else
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `${what} « ${k} » déclaré deux fois (entrées ${earlier + 1} et ${index + 1})`,
          });
      });
    });

export const declareSiecleCodeListPayload = z.object({
  ...ref,
  list: z.enum(SIECLE_CODE_LISTS, { error: `liste inconnue : ${SIECLE_CODE_LISTS.join(', ')} sont attendues` }),
  entries: uniqueList(codeEntryShape, (e) => e.code, 'code'),
});
export type DeclareSiecleCodeList = z.infer<typeof declareSiecleCodeListPayload>;

export const declareSiecleSubjectsPayload = z.object({ ...ref, subjects: uniqueList(subjectShape, (s) => s.code, 'matière') });
export type DeclareSiecleSubjects = z.infer<typeof declareSiecleSubjectsPayload>;

export const declareSiecleMefSubjectsPayload = z.object({ ...ref, mefs: uniqueList(mefSubjectsShape, (m) => m.mefCode, 'MEF') });
export type DeclareSiecleMefSubjects = z.infer<typeof declareSiecleMefSubjectsPayload>;

export const declareSiecleStructuresPayload = z
  .object({
    ...ref,
    divisions: uniqueList(divisionShape, (d) => d.code, 'division', 0),
    groups: uniqueList(groupShape, (g) => g.code, 'groupe', 0),
  })
  .refine((p) => p.divisions.length + p.groups.length > 0, { message: 'au moins une division ou un groupe est attendu' });
export type DeclareSiecleStructures = z.infer<typeof declareSiecleStructuresPayload>;

export const declareStsTeachersPayload = z.object({ ...ref, teachers: uniqueList(teacherShape, (t) => t.stsId, 'individu STS') });
export type DeclareStsTeachers = z.infer<typeof declareStsTeachersPayload>;

export const declareStsServicesPayload = z.object({
  ...ref,
  structures: uniqueList(structureServicesShape, (s) => s.structureCode, 'structure'),
});
export type DeclareStsServices = z.infer<typeof declareStsServicesPayload>;

export type ReferenceCommand =
  | Command<'DeclareSiecleCodeList', DeclareSiecleCodeList>
  | Command<'DeclareSiecleSubjects', DeclareSiecleSubjects>
  | Command<'DeclareSiecleMefSubjects', DeclareSiecleMefSubjects>
  | Command<'DeclareSiecleStructures', DeclareSiecleStructures>
  | Command<'DeclareStsTeachers', DeclareStsTeachers>
  | Command<'DeclareStsServices', DeclareStsServices>;

export interface ReferenceContext {
  /** The year's stream: reference data, like the core nomenclatures, need the year open. */
  year?: YearState;
}

/**
 * The items that are new or differ from the state's, in the given order; both sides are put in
 * canonical order first, so the order of a file's lists never makes a change.
 */
function changed<T>(
  current: Readonly<Record<string, T>>,
  items: readonly T[],
  keyOf: (item: T) => string,
  normalise: (item: T) => T = (i) => i,
): T[] {
  return items.filter((item) => {
    const k = keyOf(item);
    return !Object.hasOwn(current, k) || !sameReference(normalise(current[k] as T), item);
  });
}

function decide(command: ReferenceCommand, state: SiecleReferenceState, context: ReferenceContext): Decision {
  const { uai, year, source } = command.payload;
  assertYearOpen(
    context.year ?? yearDecider.initialState(),
    uai,
    year,
    'ouvrez-la avant d’y importer les données de SIECLE ou de STS-web',
  );
  switch (command.type) {
    case 'DeclareSiecleCodeList': {
      const { list, entries } = command.payload;
      const declared = changed(state.codeLists[list] ?? {}, entries, (e) => e.code);
      return accept(declared.length > 0 ? [SiecleCodeListDeclared.create({ uai, year, source, list, entries: declared })] : []);
    }
    case 'DeclareSiecleSubjects': {
      const subjects = changed(state.subjects, command.payload.subjects, (s) => s.code);
      return accept(subjects.length > 0 ? [SiecleSubjectsDeclared.create({ uai, year, source, subjects })] : []);
    }
    case 'DeclareSiecleMefSubjects': {
      const mefs = changed(
        state.mefSubjects,
        command.payload.mefs.map(normaliseMefSubjects),
        (m) => m.mefCode,
        normaliseMefSubjects,
      );
      return accept(mefs.length > 0 ? [SiecleMefSubjectsDeclared.create({ uai, year, source, mefs })] : []);
    }
    case 'DeclareSiecleStructures': {
      const divisions = changed(
        state.divisions,
        command.payload.divisions.map(normaliseDivision),
        (d) => d.code,
        normaliseDivision,
      );
      const groups = changed(state.groups, command.payload.groups.map(normaliseDivision), (g) => g.code, normaliseDivision);
      return accept(
        divisions.length + groups.length > 0 ? [SiecleStructuresDeclared.create({ uai, year, source, divisions, groups })] : [],
      );
    }
    case 'DeclareStsTeachers': {
      const teachers = changed(state.teachers, command.payload.teachers.map(normaliseTeacher), (t) => t.stsId, normaliseTeacher);
      return accept(teachers.length > 0 ? [StsTeachersDeclared.create({ uai, year, source, teachers })] : []);
    }
    case 'DeclareStsServices': {
      const structures = changed(
        state.services,
        command.payload.structures.map(normaliseStructureServices),
        (s) => s.structureCode,
        normaliseStructureServices,
      );
      return accept(structures.length > 0 ? [StsServicesDeclared.create({ uai, year, source, structures })] : []);
    }
  }
}

/** The decider of the `siecleref` streams. */
export const referenceDecider: Decider<ReferenceCommand, SiecleReferenceState, ReferenceContext> = {
  initialState: initialReferenceState,
  evolve: evolveReference,
  decide,
};

function referenceCommand<TPayload extends { uai: string; year: number }>(
  type: ReferenceCommand['type'],
  payload: z.ZodType<TPayload>,
): CommandDefinition<TPayload, SiecleReferenceState, ReferenceContext> {
  return defineCommand<TPayload, SiecleReferenceState, ReferenceContext>({
    type,
    payload,
    decider: referenceDecider as unknown as Decider<Command<string, TPayload>, SiecleReferenceState, ReferenceContext>,
    streamId: (p) => referenceStreamId(p.uai, p.year),
    context: (p) => ({ year: { streamId: streamIds.year(p.uai, p.year), aggregate: yearDecider } }),
  });
}

export const DeclareSiecleCodeListCommand = referenceCommand('DeclareSiecleCodeList', declareSiecleCodeListPayload);
export const DeclareSiecleSubjectsCommand = referenceCommand('DeclareSiecleSubjects', declareSiecleSubjectsPayload);
export const DeclareSiecleMefSubjectsCommand = referenceCommand('DeclareSiecleMefSubjects', declareSiecleMefSubjectsPayload);
export const DeclareSiecleStructuresCommand = referenceCommand('DeclareSiecleStructures', declareSiecleStructuresPayload);
export const DeclareStsTeachersCommand = referenceCommand('DeclareStsTeachers', declareStsTeachersPayload);
export const DeclareStsServicesCommand = referenceCommand('DeclareStsServices', declareStsServicesPayload);

/** The plugin's reference-data command types, for `LiaisonPlugin.commands`. */
export const referenceCommands: CommandDefinition[] = [
  DeclareSiecleCodeListCommand,
  DeclareSiecleSubjectsCommand,
  DeclareSiecleMefSubjectsCommand,
  DeclareSiecleStructuresCommand,
  DeclareStsTeachersCommand,
  DeclareStsServicesCommand,
];
