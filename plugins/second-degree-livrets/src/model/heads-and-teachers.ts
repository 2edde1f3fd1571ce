import { TEACHER_TYPES, type TeacherType } from '../codes/lsu-codes';
import { type SiecleReference, type StsTeacher } from '../reference/siecle-reference';
import { type Head } from './year-livret';

/** STS-web's CIVILITE code (1 M., 2 Mme, 3 Mlle) as LSU's `Civilite` (M, MME). */
export function lsuCivility(stsCivility: string | undefined): 'M' | 'MME' | undefined {
  if (stsCivility === '1') return 'M';
  if (stsCivility === '2' || stsCivility === '3') return 'MME';
  return undefined;
}

/** LSU's `enseignant/@type`: STS-web's own (`epp`, `local`), `epp` when STS says nothing usable (GEPI's rule). */
export function teacherType(teacher: StsTeacher): TeacherType {
  const t = teacher.idType?.toLowerCase();
  return t !== undefined && (TEACHER_TYPES as readonly string[]).includes(t) ? (t as TeacherType) : 'epp';
}

/** `id-sts` is an `xs:positiveInteger`: the numeric STS id (FORMAT.md §8). */
export const isNumericStsId = (stsId: string) => /^[0-9]*[1-9][0-9]*$/.test(stsId);

export interface Signatory {
  label: string;
  /** Where it comes from, for the report. */
  source: 'livret' | 'sts';
}

const civilityWord = (c: 'M' | 'MME' | undefined) => (c === 'M' ? 'M. ' : c === 'MME' ? 'Mme ' : '');

/**
 * Who signs the livrets (`responsable-etab`): the head declared for the year's livrets, else the
 * STS-web person whose function is DIR (the lowest STS id when there are several).
 */
export function signatoryOf(head: Head | undefined, reference: SiecleReference): Signatory | undefined {
  if (head) return { label: `${civilityWord(head.civility)}${head.firstName} ${head.lastName.toUpperCase()}`, source: 'livret' };
  const director = Object.values(reference.teachers)
    .filter((t) => t.function?.toUpperCase() === 'DIR')
    .sort((a, b) => (a.stsId < b.stsId ? -1 : a.stsId > b.stsId ? 1 : 0))[0];
  if (!director) return undefined;
  return {
    label: `${civilityWord(lsuCivility(director.civility))}${director.firstName} ${director.lastName.toUpperCase()}`,
    source: 'sts',
  };
}

/** The professeurs principaux of a division (STS-web `PROFS_PRINC`), by STS id. */
export function mainTeachersOf(reference: SiecleReference, division: string): StsTeacher[] {
  return Object.values(reference.teachers)
    .filter((t) => t.mainTeacherOf.some((m) => m.structureCode === division))
    .sort((a, b) => (a.stsId < b.stsId ? -1 : a.stsId > b.stsId ? 1 : 0));
}
