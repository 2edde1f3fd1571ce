import { streamIds } from '../streams';
import { pupilsOfYear, type SchoolSnapshot } from './school-snapshot';

/**
 * The streams an export of this year is about by default: the establishment, the year, its
 * classes, the pupils of the year and their guardians. Import and export ledgers are
 * bookkeeping, not data. An exporter's `scope` starts from it.
 */
export function defaultExportScope(snapshot: SchoolSnapshot): (streamId: string) => boolean {
  const { uai, year } = snapshot;
  const exact = new Set<string>([streamIds.establishment(uai), streamIds.year(uai, year)]);
  for (const pupil of pupilsOfYear(snapshot)) {
    exact.add(streamIds.pupil(uai, pupil.pupilId!));
    for (const guardianId of Object.keys(pupil.guardians)) exact.add(streamIds.guardian(uai, guardianId));
  }
  const classPrefix = streamIds.class(uai, year, '');
  return (streamId) => exact.has(streamId) || streamId.startsWith(classPrefix);
}
