import { type PupilState } from '@liaison/domain';

/** How a person reads a pupil in a report: « DUPONT Léa (CE2 A) », the class by its label. */
export function pupilLabel(pupil: PupilState, classLabel?: string): string {
  const name = pupil.identity ? `${pupil.identity.lastName.toUpperCase()} ${pupil.identity.firstName}` : `élève ${pupil.pupilId ?? '?'}`;
  return classLabel ? `${name} (${classLabel})` : name;
}
