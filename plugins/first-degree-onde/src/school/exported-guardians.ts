import { GUARDIAN_LINK_ORDER, type GuardianRelation, type PupilState } from '@liaison/domain';
import { compareText } from '../text/normalise';

export interface PupilGuardian {
  guardianId: string;
  relation: GuardianRelation;
}

/**
 * The guardians ONDE receives for a pupil: legal representatives (level 1) and persons in
 * charge (level 2, e.g. the ASE), in a stable order — level, then SIECLE's display order of
 * the link (mère, père, …), then id. Contacts (level 3) are not « responsables » in ONDE.
 */
export function exportedGuardians(pupil: PupilState): PupilGuardian[] {
  const linkRank = (link: string) => {
    const index = GUARDIAN_LINK_ORDER.indexOf(link);
    return index < 0 ? GUARDIAN_LINK_ORDER.length : index;
  };
  return Object.entries(pupil.guardians)
    .filter(([, relation]) => relation.legalLevel !== 3)
    .map(([guardianId, relation]) => ({ guardianId, relation }))
    .sort(
      (a, b) =>
        a.relation.legalLevel - b.relation.legalLevel ||
        linkRank(a.relation.link) - linkRank(b.relation.link) ||
        compareText(a.guardianId, b.guardianId),
    );
}
