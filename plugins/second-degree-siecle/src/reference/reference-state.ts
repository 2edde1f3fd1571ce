import { type DomainEvent, type Evolver, type SchoolSnapshot, sameJson } from '@liaison/domain';
import {
  type CodeEntry,
  type Division,
  type Group,
  type MefSubjects,
  referenceStreamId,
  type Service,
  type SiecleCodeList,
  type SiecleCodeListDeclaredData,
  type SiecleMefSubjectsDeclaredData,
  type SiecleStructuresDeclaredData,
  type SiecleSubjectsDeclaredData,
  type StructureServices,
  type StsServicesDeclaredData,
  type StsTeachersDeclaredData,
  type Subject,
  type Teacher,
} from '../events/reference-events';

/** The folded state of `siecleref-<UAI>-<YYYY>`: the year's SIECLE and STS-web reference data. JSON-safe. */
export interface SiecleReferenceState {
  uai?: string;
  year?: number;
  /** By list, then by code. */
  codeLists: Partial<Record<SiecleCodeList, Record<string, CodeEntry>>>;
  /** By CODE_MATIERE. */
  subjects: Record<string, Subject>;
  /** By MEF code. */
  mefSubjects: Record<string, MefSubjects>;
  /** By division code. */
  divisions: Record<string, Division>;
  /** By group code. */
  groups: Record<string, Group>;
  /** By STS id. */
  teachers: Record<string, Teacher>;
  /** By structure (division or group) code. */
  services: Record<string, StructureServices>;
}

export const initialReferenceState = (): SiecleReferenceState => ({
  codeLists: {},
  subjects: {},
  mefSubjects: {},
  divisions: {},
  groups: {},
  teachers: {},
  services: {},
});

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical order of what a MEF teaches: programme by subject then modality, options by rank then subject. */
export function normaliseMefSubjects(m: MefSubjects): MefSubjects {
  return {
    mefCode: m.mefCode,
    programme: [...m.programme].sort((a, b) => byText(a.subjectCode, b.subjectCode) || byText(a.modality, b.modality)),
    mandatoryOptions: [...m.mandatoryOptions].sort((a, b) => byText(a.rank, b.rank) || byText(a.subjectCode, b.subjectCode)),
  };
}

function normaliseService(s: Service): Service {
  return { ...s, teachers: [...s.teachers].sort((a, b) => byText(a.stsId, b.stsId)) };
}

/** The canonical order of a structure's services: by subject, then course modality. */
export function normaliseStructureServices(s: StructureServices): StructureServices {
  return {
    ...s,
    services: s.services
      .map(normaliseService)
      .sort((a, b) => byText(a.subjectCode, b.subjectCode) || byText(a.courseModality ?? '', b.courseModality ?? '')),
  };
}

/** A division or group with its MEFs (and divisions) as a set. */
export function normaliseDivision<T extends Division>(d: T): T {
  const sorted = { ...d, mefCodes: [...new Set(d.mefCodes)].sort(byText) };
  if ('divisionCodes' in d)
    (sorted as unknown as Group).divisionCodes = [...new Set((d as unknown as Group).divisionCodes)].sort(byText);
  return sorted;
}

/** A teacher with disciplines and main-teacher divisions in code order. */
export function normaliseTeacher(t: Teacher): Teacher {
  return {
    ...t,
    disciplines: [...t.disciplines].sort((a, b) => byText(a.code, b.code)),
    mainTeacherOf: [...t.mainTeacherOf].sort(
      (a, b) => byText(a.structureCode, b.structureCode) || byText(a.from ?? '', b.from ?? ''),
    ),
  };
}

/**
 * Deep equality of two reference values, whatever the order of object keys; an absent field
 * equals an undefined one, and an absent `attributes` an empty one. Lists compare in order:
 * callers normalise them first.
 */
export function sameReference(a: unknown, b: unknown): boolean {
  const strip = (v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = { ...(v as Record<string, unknown>) };
      if (o.attributes !== undefined && Object.keys(o.attributes as object).length === 0) delete o.attributes;
      return o;
    }
    return v;
  };
  return sameJson(strip(a), strip(b));
}

function upsert<T>(current: Record<string, T>, items: readonly T[], keyOf: (item: T) => string): Record<string, T> {
  const next = { ...current };
  for (const item of items) next[keyOf(item)] = item;
  return next;
}

/** Folds one reference event; other events leave the state as it is. */
export function evolveReference(state: SiecleReferenceState, event: DomainEvent): SiecleReferenceState {
  switch (event.type) {
    case 'SiecleCodeListDeclared': {
      const d = event.data as SiecleCodeListDeclaredData;
      return {
        ...state,
        uai: d.uai,
        year: d.year,
        codeLists: { ...state.codeLists, [d.list]: upsert(state.codeLists[d.list] ?? {}, d.entries, (e) => e.code) },
      };
    }
    case 'SiecleSubjectsDeclared': {
      const d = event.data as SiecleSubjectsDeclaredData;
      return { ...state, uai: d.uai, year: d.year, subjects: upsert(state.subjects, d.subjects, (s) => s.code) };
    }
    case 'SiecleMefSubjectsDeclared': {
      const d = event.data as SiecleMefSubjectsDeclaredData;
      return { ...state, uai: d.uai, year: d.year, mefSubjects: upsert(state.mefSubjects, d.mefs, (m) => m.mefCode) };
    }
    case 'SiecleStructuresDeclared': {
      const d = event.data as SiecleStructuresDeclaredData;
      return {
        ...state,
        uai: d.uai,
        year: d.year,
        divisions: upsert(state.divisions, d.divisions, (x) => x.code),
        groups: upsert(state.groups, d.groups, (x) => x.code),
      };
    }
    case 'StsTeachersDeclared': {
      const d = event.data as StsTeachersDeclaredData;
      return { ...state, uai: d.uai, year: d.year, teachers: upsert(state.teachers, d.teachers, (t) => t.stsId) };
    }
    case 'StsServicesDeclared': {
      const d = event.data as StsServicesDeclaredData;
      return { ...state, uai: d.uai, year: d.year, services: upsert(state.services, d.structures, (s) => s.structureCode) };
    }
    default:
      return state;
  }
}

/** How to fold a `siecleref` stream: the plugin's `aggregates.siecleref`. */
export const referenceAggregate: Evolver<SiecleReferenceState> = {
  initialState: initialReferenceState,
  evolve: evolveReference,
};

/** The reference data of the snapshot's year (or another year of the same establishment). */
export function referenceStateOf(snapshot: SchoolSnapshot, year: number = snapshot.year): SiecleReferenceState {
  const state = snapshot.pluginStates[referenceStreamId(snapshot.uai, year)] as SiecleReferenceState | undefined;
  return state ?? initialReferenceState();
}
