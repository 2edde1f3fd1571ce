import { ImportFileError, type SchoolSnapshot } from '@liaison/domain';

/** The livrets CSV files are the collège's and lycée's: a first-degree school's is refused whole. */
export function assertSecondDegree(snapshot: SchoolSnapshot): void {
  if (snapshot.establishment.degree === 'first') {
    throw new ImportFileError('les livrets LSU et LSL concernent le second degré : cet établissement est du premier degré');
  }
}
