import { type PupilState, schoolYearLabel } from '@liaison/domain';
import { PupilNotInDivisionError, SubjectUnknownError, TeacherUnknownError } from './errors';
import { type ReferenceView } from './reference-view';

/** « LEFÈVRE Éloïse (P1) », or the id alone when the pupil is unknown. */
export function pupilName(pupil: PupilState | undefined, pupilId: string): string {
  const identity = pupil?.identity;
  if (!identity) return `l’élève ${pupilId}`;
  return `l’élève ${(identity.usageName ?? identity.lastName).toUpperCase()} ${identity.firstName} (${pupilId})`;
}

/**
 * The pupil is a pupil of `classCode` in `year`: registered, enrolled (or left during the year:
 * their bilans before leaving stand), in that division now or earlier in the year. A
 * pre-enrolled pupil is not assessed.
 */
export function assertPupilInDivision(pupil: PupilState, p: { pupilId: string; year: number; classCode: string }): void {
  const who = pupilName(pupil, p.pupilId);
  const label = schoolYearLabel(p.year);
  const details = { pupilId: p.pupilId, year: p.year, classCode: p.classCode };
  if (!pupil.registered) throw new PupilNotInDivisionError(`${who} n’est pas enregistré dans l’établissement`, details);
  const year = pupil.years[p.year];
  if (!year) throw new PupilNotInDivisionError(`${who} n’est pas un élève de ${label}`, details);
  if (year.status === 'preinscrit') {
    throw new PupilNotInDivisionError(
      `${who} est seulement préinscrit en ${label} : inscrivez-le avant de saisir son livret`,
      details,
    );
  }
  // A division the pupil left during the year still takes what was recorded there (a
  // correction of the first term's results after a change of class names the old division).
  if (year.classCode !== p.classCode && !(year.formerClassCodes ?? []).includes(p.classCode)) {
    const former = year.formerClassCodes?.length ? ` ; auparavant ${year.formerClassCodes.join(', ')}` : '';
    throw new PupilNotInDivisionError(
      `${who} n’est pas inscrit dans la division ${p.classCode} en ${label}${year.classCode ? ` (sa division : ${year.classCode}${former})` : ''}`,
      details,
    );
  }
}

/** The subject is in the year's nomenclature (SIECLE's Nomenclature.xml or STS-web's sts_emp). */
export function assertSubjectKnown(reference: ReferenceView, year: number, subjectCode: string): void {
  const label = schoolYearLabel(year);
  if (Object.keys(reference.subjects).length === 0) {
    throw new SubjectUnknownError(
      `aucune matière n’est importée pour ${label} : importez d’abord Nomenclature.xml (siecle.nomenclature) ou sts_emp (sts.emp)`,
      { subjectCode, year },
    );
  }
  if (!Object.hasOwn(reference.subjects, subjectCode)) {
    throw new SubjectUnknownError(
      `la matière ${subjectCode} n’est pas dans la nomenclature de ${label} importée de SIECLE ou STS-web`,
      {
        subjectCode,
        year,
      },
    );
  }
}

/** Each teacher is an STS-web person imported for the year (sts_emp). */
export function assertTeachersKnown(reference: ReferenceView, year: number, stsIds: readonly string[]): void {
  const label = schoolYearLabel(year);
  const unknown = stsIds.filter((id) => !Object.hasOwn(reference.teachers, id));
  if (unknown.length === 0) return;
  if (Object.keys(reference.teachers).length === 0) {
    throw new TeacherUnknownError(`aucun enseignant STS-web n’est importé pour ${label} : importez d’abord sts_emp (sts.emp)`, {
      stsIds: unknown,
      year,
    });
  }
  throw new TeacherUnknownError(
    `${unknown.length > 1 ? 'enseignants' : 'enseignant'} ${unknown.join(', ')} absent${unknown.length > 1 ? 's' : ''} des données STS-web de ${label} (identifiant STS de sts_emp)`,
    { stsIds: unknown, year },
  );
}
