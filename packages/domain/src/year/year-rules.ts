import { RuleViolationError } from '../errors';
import { schoolYearLabel } from '../values';
import { type YearState } from './year-state';

/**
 * Rules other aggregates check against a year's state (its stream as a command's context):
 * the year is open, a code is in its nomenclature. Each throws a `RuleViolationError`.
 */

/** "classe CM1A : message" when a subject is given. */
const about = (subject: string | undefined, message: string) => (subject ? `${subject} : ${message}` : message);

/** `year_not_open`; `purpose` ends the message ("ouvrez-la avant de créer la classe CM1A"). */
export function assertYearOpen(year: YearState, uai: string, schoolYear: number, purpose?: string): void {
  if (year.opened) return;
  const base = `l’année ${schoolYearLabel(schoolYear)} n’est pas ouverte pour l’établissement ${uai}`;
  throw new RuleViolationError('year_not_open', purpose ? `${base} : ${purpose}` : base, { uai, year: schoolYear });
}

/**
 * `formation_unknown`: the formation is not in the year's declared formations, or the year has
 * none yet. `subject` prefixes the message ("classe CM1A", "élève P42").
 */
export function assertFormationDeclared(year: YearState, schoolYear: number, formationCode: string, subject?: string): void {
  const label = schoolYearLabel(schoolYear);
  const declared = Object.keys(year.formations);
  if (declared.length === 0) {
    throw new RuleViolationError(
      'formation_unknown',
      about(subject, `aucune formation n’est encore déclarée pour ${label} : importez la nomenclature`),
      { year: schoolYear, formationCode },
    );
  }
  if (!Object.hasOwn(year.formations, formationCode)) {
    throw new RuleViolationError(
      'formation_unknown',
      about(subject, `la formation « ${formationCode} » n’est pas dans la nomenclature de ${label}`),
      { year: schoolYear, formationCode },
    );
  }
}

/** `class_type_unknown`: not in the year's declared class types, or the year has none yet. */
export function assertClassTypeDeclared(year: YearState, schoolYear: number, classType: string, subject?: string): void {
  const label = schoolYearLabel(schoolYear);
  const declared = Object.keys(year.classTypes);
  if (declared.length === 0) {
    throw new RuleViolationError(
      'class_type_unknown',
      about(subject, `la nomenclature de ${label} n’a encore aucun type de classe : importez-la`),
      { year: schoolYear, classType },
    );
  }
  if (!Object.hasOwn(year.classTypes, classType)) {
    throw new RuleViolationError(
      'class_type_unknown',
      about(
        subject,
        `le type de classe « ${classType} » n’est pas dans la nomenclature de ${label} (types déclarés : ${declared.join(', ')})`,
      ),
      { year: schoolYear, classType },
    );
  }
}

/** `language_unknown`: not in the year's declared languages, or the year has none yet. */
export function assertLanguageDeclared(year: YearState, schoolYear: number, languageCode: string, subject?: string): void {
  const label = schoolYearLabel(schoolYear);
  if (Object.keys(year.languages).length === 0) {
    throw new RuleViolationError(
      'language_unknown',
      about(subject, `aucune langue n’est encore déclarée pour ${label} : importez la nomenclature`),
      { year: schoolYear, languageCode },
    );
  }
  if (!Object.hasOwn(year.languages, languageCode)) {
    throw new RuleViolationError(
      'language_unknown',
      about(subject, `la langue « ${languageCode} » n’est pas dans la nomenclature de ${label}`),
      { year: schoolYear, languageCode },
    );
  }
}
