import { pupilsOfYear, type SchoolSnapshot, streamIds } from '@liaison/domain';
import { referenceStreamId } from '@liaison/plugin-second-degree-siecle/events';
import { livretStreamPrefix, livretYearStreamId } from '../events/streams';
import { levelOfPupil } from './levels';

/**
 * The streams whose changes an LSU or LSL export carries (`Exporter.scope`): the livrets of the
 * pupils the file covers, the year's shared livret data, the SIECLE / STS-web reference data the
 * file reads (subjects, teachers), and of the core streams the covered pupils and their guardians;
 * the establishment, the year and the classes stay in (`core`, the server's default scope). Other
 * pupils (the lycée's for LSU, the collège's for LSL) are left out.
 */
export function livretScope(
  snapshot: SchoolSnapshot,
  livret: 'lsu' | 'lsl',
  core: (streamId: string) => boolean,
): (streamId: string) => boolean {
  const { uai, year } = snapshot;
  const covered = pupilsOfYear(snapshot).filter((p) => levelOfPupil(snapshot, p)?.livret === livret);
  const pupils = new Set(covered.map((p) => p.pupilId!));
  const guardians = new Set(covered.flatMap((p) => Object.keys(p.guardians)));
  const livretPrefix = livretStreamPrefix(uai, year);
  const pupilPrefix = streamIds.pupil(uai, '');
  const guardianPrefix = streamIds.guardian(uai, '');
  return (streamId) => {
    if (streamId.startsWith(livretPrefix)) return pupils.has(streamId.slice(livretPrefix.length));
    if (streamId.startsWith(pupilPrefix)) return pupils.has(streamId.slice(pupilPrefix.length));
    if (streamId.startsWith(guardianPrefix)) return guardians.has(streamId.slice(guardianPrefix.length));
    if (streamId === livretYearStreamId(uai, year) || streamId === referenceStreamId(uai, year)) return true;
    // Other livret years: not this file's. The rest as any export of the year (establishment, year, classes).
    if (streamId.startsWith('livret')) return false;
    return core(streamId);
  };
}
