import { type PupilState } from '@liaison/domain';
import { normaliseName } from '../text/normalise';
import { type ExtractionPupil } from './extraction-reader';

const key = (name: string, firstName: string, birthDate: string) =>
  `${normaliseName(name)}|${normaliseName(firstName)}|${birthDate}`;

/**
 * Finds our pupils by (family or usage name, first name, birth date), ignoring accents, case,
 * hyphens and apostrophes: ONDE writes names in upper case without accents more often than not.
 * Returns every candidate: the caller never guesses between several.
 */
export class PupilMatcher {
  private readonly index = new Map<string, Set<PupilState>>();

  constructor(pupils: Iterable<PupilState>) {
    for (const pupil of pupils) {
      const identity = pupil.identity;
      if (!identity) continue;
      for (const name of [identity.lastName, identity.usageName]) {
        if (!name) continue;
        const k = key(name, identity.firstName, identity.birthDate);
        this.index.set(k, (this.index.get(k) ?? new Set()).add(pupil));
      }
    }
  }

  candidates(row: ExtractionPupil): PupilState[] {
    const found = new Set<PupilState>();
    for (const name of [row.lastName, row.usageName]) {
      if (!name) continue;
      for (const pupil of this.index.get(key(name, row.firstName, row.birthDate)) ?? []) found.add(pupil);
    }
    return [...found];
  }
}
