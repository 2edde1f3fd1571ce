import { type ScopedPupil } from './pupil-scope';

/**
 * The pupil's level (first-degree formation): their own formation, else the class's when it
 * has exactly one. A multi-level class leaves it to the pupil record (seed: « pour les classes
 * à double niveau il est nécessaire d'aller affecter la bonne formation dans la fiche élève »).
 */
export function levelOf(pupil: ScopedPupil): string | undefined {
  if (pupil.year.formationCode !== undefined) return pupil.year.formationCode;
  const formations = pupil.klass?.formations ?? [];
  return formations.length === 1 ? formations[0] : undefined;
}
