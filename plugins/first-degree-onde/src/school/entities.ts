import { type AnomalyEntity, type ClassState, type SchoolSnapshot } from '@liaison/domain';
import { type ScopedPupil } from './pupil-scope';

export const pupilEntity = (pupil: ScopedPupil): AnomalyEntity => ({ kind: 'pupil', id: pupil.pupilId, label: pupil.label });

export const classEntity = (klass: ClassState): AnomalyEntity => ({
  kind: 'class',
  id: klass.classCode ?? '',
  label:
    klass.label && klass.label !== klass.classCode ? `classe ${klass.label} (${klass.classCode})` : `classe ${klass.classCode}`,
});

export const establishmentEntity = (snapshot: SchoolSnapshot): AnomalyEntity => ({
  kind: 'establishment',
  id: snapshot.uai,
  label: snapshot.establishment.name ? `${snapshot.establishment.name} (${snapshot.uai})` : snapshot.uai,
});
