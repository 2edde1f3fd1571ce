import { type DomainEvent, type Evolver } from '@liaison/domain';
import {
  SiecleSubjectsDeclared,
  type SiecleSubjectsDeclaredData,
  StsTeachersDeclared,
  type StsTeachersDeclaredData,
} from '@liaison/plugin-second-degree-siecle/events';

/**
 * What the livrets commands need of the SIECLE plugin's reference stream
 * `siecleref-<UAI>-<YYYY>`: the year's subjects (Nomenclature.xml or sts_emp) and STS-web's
 * people. Folded by this plugin's own evolver from the SIECLE plugin's public events, so the
 * commands depend on its event schemas only, never on its internals. The pipeline folds it inside
 * the command's write transaction, so a rule is always judged on the current reference data.
 */
export interface ReferenceView {
  /** By CODE_MATIERE. */
  subjects: Record<string, { label: string }>;
  /** By STS id. */
  teachers: Record<string, { lastName: string; firstName: string }>;
}

export const initialReferenceView = (): ReferenceView => ({ subjects: {}, teachers: {} });

export function evolveReferenceView(state: ReferenceView, event: DomainEvent): ReferenceView {
  switch (event.type) {
    case SiecleSubjectsDeclared.type: {
      const d = event.data as SiecleSubjectsDeclaredData;
      const subjects = { ...state.subjects };
      for (const s of d.subjects) subjects[s.code] = { label: s.label };
      return { ...state, subjects };
    }
    case StsTeachersDeclared.type: {
      const d = event.data as StsTeachersDeclaredData;
      const teachers = { ...state.teachers };
      for (const t of d.teachers) teachers[t.stsId] = { lastName: t.lastName, firstName: t.firstName };
      return { ...state, teachers };
    }
    default:
      return state;
  }
}

export const referenceViewAggregate: Evolver<ReferenceView> = {
  initialState: initialReferenceView,
  evolve: evolveReferenceView,
};
