import { RuleViolationError } from '@liaison/domain';

/**
 * The rules of the livrets commands that depend on state (exit 1, HTTP 409), as typed domain
 * errors with a French message naming the pupil, subject or teacher.
 */

/** `pupil_not_in_division`: the pupil is not a pupil of that division in that year. */
export class PupilNotInDivisionError extends RuleViolationError {
  constructor(message: string, details: { pupilId: string; year: number; classCode: string }) {
    super('pupil_not_in_division', message, details);
  }
}

/** `subject_unknown`: the subject code is not in the year's imported nomenclature. */
export class SubjectUnknownError extends RuleViolationError {
  constructor(message: string, details: { subjectCode: string; year: number }) {
    super('subject_unknown', message, details);
  }
}

/** `teacher_unknown`: the STS id is not among the STS-web people imported for the year. */
export class TeacherUnknownError extends RuleViolationError {
  constructor(message: string, details: { stsIds: string[]; year: number }) {
    super('teacher_unknown', message, details);
  }
}

/** `project_unknown`: an EPI or AP the year has not declared. */
export class ProjectUnknownError extends RuleViolationError {
  constructor(message: string, details: { projectIds: string[]; year: number }) {
    super('project_unknown', message, details);
  }
}

/** `class_unknown`: no class of that code in the year. */
export class ClassUnknownError extends RuleViolationError {
  constructor(message: string, details: { classCode: string; year: number }) {
    super('class_unknown', message, details);
  }
}

/** `project_invalid`: an EPI with fewer than two subjects, a teacher of a subject the project lacks… */
export class ProjectInvalidError extends RuleViolationError {
  constructor(message: string, details: { projectId: string }) {
    super('project_invalid', message, details);
  }
}
