import { command, type UiCommand } from '../api/commands';
import { FRANCE } from './countries';

/** The « Inscrire un élève » form, as typed. */
export interface RegistrationDraft {
  lastName: string;
  firstName: string;
  sex: string;
  birthDate: string;
  country: string;
  department: string;
  city: string;
  nationality: string;
  /** `inscrit`: enrolled in a class from `entryDate`; `preinscrit`: expected, class optional. */
  status: 'inscrit' | 'preinscrit';
  classCode: string;
  formationCode: string;
  entryDate: string;
}

export function emptyRegistration(today: string): RegistrationDraft {
  return {
    lastName: '',
    firstName: '',
    sex: '',
    birthDate: '',
    country: FRANCE,
    department: '',
    city: '',
    nationality: FRANCE,
    status: 'inscrit',
    classCode: '',
    formationCode: '',
    entryDate: today,
  };
}

/**
 * The pupil registered, then enrolled or pre-enrolled in the year: sent as one batch, so a pupil
 * is never left registered without the year the secretary meant. Blank optional fields are not
 * sent; the server checks the rest and names the field.
 */
export function registrationCommands(draft: RegistrationDraft, ref: { uai: string; year: number; pupilId: string }): UiCommand[] {
  const t = (value: string) => value.trim();
  const birthPlace = t(draft.country)
    ? {
        country: t(draft.country),
        ...(t(draft.department) ? { department: t(draft.department) } : {}),
        ...(t(draft.city) ? { city: t(draft.city) } : {}),
      }
    : undefined;
  const register = command('RegisterPupil', {
    uai: ref.uai,
    pupilId: ref.pupilId,
    lastName: t(draft.lastName),
    firstName: t(draft.firstName),
    sex: draft.sex as 'M' | 'F',
    birthDate: draft.birthDate,
    ...(birthPlace ? { birthPlace } : {}),
    ...(t(draft.nationality) ? { nationality: t(draft.nationality) } : {}),
  });
  const year = { uai: ref.uai, year: ref.year, pupilId: ref.pupilId };
  const formation = t(draft.formationCode) ? { formationCode: t(draft.formationCode) } : {};
  const enrol =
    draft.status === 'inscrit'
      ? command('EnrolPupil', { ...year, classCode: t(draft.classCode), entryDate: draft.entryDate, ...formation })
      : command('PreEnrolPupil', { ...year, ...(t(draft.classCode) ? { classCode: t(draft.classCode) } : {}), ...formation });
  return [register, enrol];
}
