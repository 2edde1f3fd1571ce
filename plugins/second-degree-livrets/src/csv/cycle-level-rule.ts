import { DomainError, type PupilState, type SchoolSnapshot } from '@liaison/domain';
import { formationOf, levelOfPupil } from '../model/levels';

const ENDS = 'le cycle 3 se termine en 6e, le cycle 4 en 3e';

/**
 * A bilan closes the cycle that ends in the pupil's year: cycle 3 in 6e, cycle 4 in 3e, as the
 * pupil's formation (MEF) says (`model/levels.ts`). The command accepts any cycle and the LSU
 * export only warns; a grade book's file, though, gives a cycle per line, and a 5e pupil with a
 * « 4 » is a slip worth stopping before it is recorded.
 */
export function assertCycleEndsInYear(snapshot: SchoolSnapshot, pupil: PupilState, cycle: 3 | 4, classCode: string): void {
  const level = levelOfPupil(snapshot, pupil);
  if (level === undefined) {
    const mef = formationOf(pupil, snapshot.year, snapshot.classes);
    const why =
      mef === undefined
        ? `aucune formation (MEF) connue pour l’élève ni pour sa division ${classCode} : importez les structures de SIECLE ou STS-web`
        : `sa formation ${mef} n’est pas d’un niveau de collège`;
    throw new DomainError('cycle_not_of_level', `bilan de fin de cycle ${cycle} : ${why} — ${ENDS}`, 'rule', {
      pupilId: pupil.pupilId,
      cycle,
    });
  }
  if (level.livret !== 'lsu' || level.cycle !== cycle || !level.endsCycle) {
    throw new DomainError(
      'cycle_not_of_level',
      `bilan de fin de cycle ${cycle} pour un élève de ${level.name} : ${ENDS}`,
      'rule',
      {
        pupilId: pupil.pupilId,
        cycle,
      },
    );
  }
}
