import { idKey, inesOf, type BeeEleve } from '../imports/eleves-file';
import { type MatchTier, tieredMatch } from '../imports/matching';
import { normaliseName } from '../imports/names';
import { type SentPupil, type SentSnapshot } from '../send/send-state';

/**
 * How one pupil stands after a send, once SIECLE's next export is read:
 * - `integrated`: in the file and in what we sent, with the same data;
 * - `different`: in both, but names, birth date, INE, MEF or division differ;
 * - `absentFromSiecle`: sent, but not in the file (rejected by SIECLE, or not processed yet);
 * - `notSent`: in the file, not in what we sent.
 */
export type ReconciliationStatus = 'integrated' | 'different' | 'absentFromSiecle' | 'notSent';

export type ComparedField = 'lastName' | 'firstName' | 'birthDate' | 'ine' | 'mef' | 'division';

export interface ReconciliationDifference {
  field: ComparedField;
  /** What we sent; absent when we sent none. */
  sent?: string;
  /** What SIECLE has; absent when SIECLE has none. */
  siecle?: string;
}

export interface ReconciliationLine {
  status: ReconciliationStatus;
  sent?: SentPupil;
  file?: BeeEleve;
  /** The key that paired them (ELEVE_ID, ID_PRV_ELE, INE, identity). */
  matchedBy?: string;
  differences: ReconciliationDifference[];
  /** Why a pupil was not paired although a key points to someone (two candidates…), in French. */
  remark?: string;
}

export interface Reconciliation {
  sendNumber: number;
  sentAt: string;
  year: number;
  /** The sent pupils in send order, then the file's pupils we did not send, in file order. */
  lines: ReconciliationLine[];
  counts: Record<ReconciliationStatus, number>;
}

const identityKeys = (lastNames: Array<string | undefined>, firstName: string | undefined, birthDate: string | undefined) =>
  firstName === undefined || birthDate === undefined
    ? []
    : lastNames
        .filter((n): n is string => n !== undefined)
        .map((n) => `${normaliseName(n)}|${normaliseName(firstName)}|${birthDate}`);

/** The order SIECLE matches pupils in (FORMAT.md §8.1), with the id we sent before the INE: it is ours. */
const TIERS: ReadonlyArray<MatchTier<BeeEleve, SentPupil>> = [
  {
    name: 'ELEVE_ID',
    left: (f) => (f.eleveId ? [idKey(f.eleveId) as string] : []),
    right: (s) => (s.eleveId ? [idKey(s.eleveId) as string] : []),
  },
  {
    name: 'ID_PRV_ELE',
    left: (f) => (f.privateId && /^[0-9]+$/.test(f.privateId) ? [idKey(f.privateId) as string] : []),
    right: (s) => [String(s.privateId)],
  },
  { name: 'INE', left: inesOf, right: (s) => (s.ine ? [s.ine.toUpperCase()] : []) },
  {
    name: 'nom, prénom et date de naissance',
    left: (f) => identityKeys([f.lastName, f.usageName], f.firstName, f.birthDate),
    right: (s) => identityKeys([s.lastName], s.firstName, s.birthDate),
  },
];

const sameText = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

function compare(sent: SentPupil, file: BeeEleve): ReconciliationDifference[] {
  const differences: ReconciliationDifference[] = [];
  const add = (field: ComparedField, s: string | undefined, f: string | undefined) =>
    differences.push({ field, ...(s === undefined ? {} : { sent: s }), ...(f === undefined ? {} : { siecle: f }) });
  // SIECLE normalises names (upper-case family name, capitalised first names, often no accents).
  if (
    normaliseName(sent.lastName) !== normaliseName(file.lastName) &&
    normaliseName(sent.lastName) !== normaliseName(file.usageName)
  ) {
    add('lastName', sent.lastName, file.lastName);
  }
  if (normaliseName(sent.firstName) !== normaliseName(file.firstName)) add('firstName', sent.firstName, file.firstName);
  if (sent.birthDate !== file.birthDate) add('birthDate', sent.birthDate, file.birthDate ?? file.invalidBirthDate);
  const ines = inesOf(file);
  // An INE SIECLE gives to a pupil we sent without one is the expected outcome, not a difference.
  if (sent.ine !== undefined && !ines.includes(sent.ine.toUpperCase())) add('ine', sent.ine, ines[0]);
  // A leaving pupil's schooling may be closed in SIECLE: compare only what both sides have.
  const leaving = sent.exitDate !== undefined;
  if (sent.mefCode !== undefined && (file.mefCode !== undefined ? file.mefCode !== sent.mefCode : !leaving))
    add('mef', sent.mefCode, file.mefCode);
  if (sent.division !== undefined && (file.division !== undefined ? !sameText(file.division, sent.division) : !leaving)) {
    add('division', sent.division, file.division);
  }
  return differences;
}

const describeOutcome = (o: ReturnType<typeof tieredMatch<BeeEleve, SentPupil>>[number]): string | undefined => {
  switch (o.kind) {
    case 'ambiguous':
      return `plusieurs élèves de l’envoi correspondent par ${o.tier} (ID_PRV_ELE ${o.candidates.map((c) => c.privateId).join(', ')}) : non rapproché`;
    case 'taken':
      return `correspond par ${o.tier} à l’élève envoyé ID_PRV_ELE ${o.right.privateId}, déjà rapproché d’un autre élève du fichier (ELEVE_ID ${o.by.eleveId ?? '?'})`;
    case 'contested':
      return `plusieurs élèves du fichier correspondent par ${o.tier} à l’élève envoyé ID_PRV_ELE ${o.right.privateId} : non rapproché`;
    default:
      return undefined;
  }
};

/**
 * Compares SIECLE's pupils export with what we last sent (the private import, `IMPORT_ELEVES`):
 * pairs each sent pupil with the file's by ELEVE_ID, ID_PRV_ELE, INE, then names and birth
 * date (never guessing between several), and sorts every pupil into integrated, different,
 * absent from SIECLE or not sent. Pure: the eleves import turns it into report rows.
 */
export function reconcile(sent: SentSnapshot, file: readonly BeeEleve[]): Reconciliation {
  const outcomes = tieredMatch(file, sent.pupils, TIERS);
  const bySent = new Map<SentPupil, { file: BeeEleve; tier: string }>();
  outcomes.forEach((o, i) => {
    if (o.kind === 'matched') bySent.set(o.right, { file: file[i] as BeeEleve, tier: o.tier });
  });
  const lines: ReconciliationLine[] = [];
  for (const pupil of sent.pupils) {
    const pair = bySent.get(pupil);
    if (!pair) {
      lines.push({ status: 'absentFromSiecle', sent: pupil, differences: [] });
      continue;
    }
    const differences = compare(pupil, pair.file);
    lines.push({
      status: differences.length > 0 ? 'different' : 'integrated',
      sent: pupil,
      file: pair.file,
      matchedBy: pair.tier,
      differences,
    });
  }
  outcomes.forEach((o, i) => {
    if (o.kind === 'matched') return;
    const remark = describeOutcome(o);
    lines.push({ status: 'notSent', file: file[i] as BeeEleve, differences: [], ...(remark ? { remark } : {}) });
  });
  const counts: Record<ReconciliationStatus, number> = { integrated: 0, different: 0, absentFromSiecle: 0, notSent: 0 };
  for (const line of lines) counts[line.status]++;
  return { sendNumber: sent.sendNumber, sentAt: sent.sentAt, year: sent.year, lines, counts };
}
