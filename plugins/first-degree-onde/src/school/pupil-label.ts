import { type PupilState } from '@liaison/domain';

/** How a person reads a pupil in a report: « DUPONT Léa (CE2 A) », the class by its label. */
export function pupilLabel(pupil: PupilState, classLabel?: string): string {
  const identity = pupil.identity;
  const name = identity ? `${(identity.lastName ?? '').toUpperCase()} ${identity.firstName ?? ''}`.trim() : '';
  const shown = name === '' ? `élève ${pupil.pupilId ?? '?'}` : name;
  return classLabel ? `${shown} (${classLabel})` : shown;
}
