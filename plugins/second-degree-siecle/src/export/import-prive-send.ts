import { type SchoolSnapshot } from '@liaison/domain';
import { type PrivateIds, resolvePrivateIds, sendStateOf } from '../send/private-ids';
import { type SiecleSendState } from '../send/send-state';
import { type DocumentRun, importPriveDocument } from './import-prive-document';
import { donneesDigest, renderDonnees } from './import-prive-writer';

/** A send as the snapshot determines it: who, with which ids, which content. */
export interface ComposedSend {
  run: DocumentRun;
  state: SiecleSendState;
  ids: PrivateIds;
  /** The rendered `DONNEES` block and its SHA-256 (computed on first read: `plan` needs neither). */
  readonly donnees: string;
  readonly digest: string;
  /** The number the next send of the year takes. */
  nextSendNumber: number;
}

export function composeSend(snapshot: SchoolSnapshot): ComposedSend {
  const run = importPriveDocument(snapshot);
  const state = sendStateOf(snapshot);
  const pupilIds = run.document.pupils.map((p) => p.pupilId);
  const guardianIds = run.document.persons.map((p) => p.guardianId);
  const ids = resolvePrivateIds(state, pupilIds, guardianIds);
  let rendered: { donnees: string; digest: string } | undefined;
  const render = () => {
    // Ids beyond the schema's limit cannot be written: the plan blocks on them (nothing to render).
    const donnees = ids.exhausted ? '' : renderDonnees(run.document, ids);
    rendered ??= { donnees, digest: donneesDigest(donnees) };
    return rendered;
  };
  return {
    run,
    state,
    ids,
    get donnees() {
      return (rendered ?? render()).donnees;
    },
    get digest() {
      return (rendered ?? render()).digest;
    },
    nextSendNumber: (state.sendNumbers[snapshot.year] ?? 0) + 1,
  };
}

/**
 * The send number a file built from this snapshot carries: the send recorded last for the
 * year when it holds exactly this content (the export right after its `prepare`, or its replay
 * with `--as-of`), otherwise the number the next send would take (an export « as it would have
 * been » at a position where no send was recorded).
 */
export function sendNumberOf(send: ComposedSend, year: number): number {
  const last = send.state.lastSendByYear?.[year] ?? (send.state.lastSend?.year === year ? send.state.lastSend : undefined);
  return last !== undefined && last.digest === send.digest && send.state.sendNumbers[year] === last.sendNumber
    ? last.sendNumber
    : send.nextSendNumber;
}
