import { type SchoolSnapshot, schoolYearLabel } from '@liaison/domain';
import {
  divisionShape,
  mefSubjectsShape,
  referenceStreamId,
  structureServicesShape,
  subjectShape,
  teacherShape,
} from '@liaison/plugin-second-degree-siecle/events';
import { z } from 'zod';

/**
 * The one place where this plugin reads the SIECLE plugin's folded reference state
 * (`snapshot.pluginStates['siecleref-<UAI>-<YYYY>']`) for exporters, the importer and the demo.
 *
 * Coupling, on purpose and narrow: the state's JSON shape is the SIECLE plugin's
 * (`{ subjects, teachers, services, divisions, … }` keyed by code, STS id and structure code),
 * and its values are its public event shapes (`subjectShape`, `teacherShape`,
 * `structureServicesShape`, `divisionShape` of `@liaison/plugin-second-degree-siecle/events`).
 * We parse only the fields we use, so the SIECLE plugin may add others freely; if it changes
 * these, parsing fails here with a French message rather than producing a wrong file.
 * (Commands do not read this state: they fold the SIECLE events themselves, `commands/reference-view.ts`.)
 */

const subject = subjectShape.pick({ code: true, label: true, nationalCode: true, editionLabel: true, shortLabel: true });
const teacher = teacherShape.pick({
  stsId: true,
  idType: true,
  civility: true,
  lastName: true,
  firstName: true,
  function: true,
  mainTeacherOf: true,
});

const referenceSchema = z.object({
  subjects: z.record(z.string(), subject).default({}),
  teachers: z.record(z.string(), teacher).default({}),
  services: z.record(z.string(), structureServicesShape).default({}),
  divisions: z.record(z.string(), divisionShape).default({}),
  /** What each MEF teaches, with the election modality (S, O, F…) of each subject. */
  mefSubjects: z.record(z.string(), mefSubjectsShape).default({}),
});

export type SiecleSubject = z.infer<typeof subject>;
export type StsTeacher = z.infer<typeof teacher>;
export type SiecleReference = z.infer<typeof referenceSchema>;

export const emptyReference = (): SiecleReference => ({
  subjects: {},
  teachers: {},
  services: {},
  divisions: {},
  mefSubjects: {},
});

export type ReferenceRead = { ok: true; reference: SiecleReference } | { ok: false; message: string };

/** The year's SIECLE / STS-web reference data; empty when nothing was imported. */
export function readSiecleReference(snapshot: SchoolSnapshot, year: number = snapshot.year): ReferenceRead {
  const streamId = referenceStreamId(snapshot.uai, year);
  const state = snapshot.pluginStates[streamId];
  if (state === undefined) return { ok: true, reference: emptyReference() };
  const parsed = referenceSchema.safeParse(state);
  if (parsed.success) return { ok: true, reference: parsed.data };
  const where = parsed.error.issues
    .slice(0, 3)
    .map((i) => i.path.join('.'))
    .join(', ');
  return {
    ok: false,
    message: `données de référence SIECLE / STS-web de ${schoolYearLabel(year)} illisibles (${streamId} : ${where}) : le plugin SIECLE a changé de format, mettez à jour le plugin des livrets`,
  };
}

/** Whether STS-web or SIECLE know the division (declared as a structure, or holding services). */
export function divisionKnown(reference: SiecleReference, code: string): boolean {
  return Object.hasOwn(reference.divisions, code) || reference.services[code]?.structureKind === 'division';
}
