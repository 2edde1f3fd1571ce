import { type SchoolSnapshot } from '@liaison/domain';
import { livretStreamId, livretYearStreamId } from '../events/streams';
import { initialPupilLivretState, type PupilLivretState } from './pupil-livret';
import { initialYearLivretState, type YearLivretState } from './year-livret';

/** A pupil's livret of the snapshot's year, as the snapshot's plugin states hold it (folded by our own aggregate). */
export function pupilLivretOf(snapshot: SchoolSnapshot, pupilId: string): PupilLivretState {
  return (
    (snapshot.pluginStates[livretStreamId(snapshot.uai, snapshot.year, pupilId)] as PupilLivretState | undefined) ??
    initialPupilLivretState()
  );
}

/** The year's shared livret data. */
export function yearLivretOf(snapshot: SchoolSnapshot): YearLivretState {
  return (
    (snapshot.pluginStates[livretYearStreamId(snapshot.uai, snapshot.year)] as YearLivretState | undefined) ??
    initialYearLivretState()
  );
}

/** Whether the livret holds anything for the year. */
export function hasLivretData(livret: PupilLivretState): boolean {
  const periods = Object.values(livret.periods).some(
    (p) => p !== undefined && (Object.keys(p.subjects).length > 0 || p.synthesis || p.attendance || p.projects),
  );
  return (
    periods ||
    Object.keys(livret.cycleBilans).length > 0 ||
    Object.keys(livret.annual).length > 0 ||
    Object.keys(livret.opinions).length > 0 ||
    livret.examOpinion !== undefined ||
    livret.engagements !== undefined
  );
}
