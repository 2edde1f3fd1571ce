/**
 * What the establishment last sent to SIECLE, as recorded when the private import file was
 * produced: the reconciliation of the next SIECLE export compares against it.
 */
export interface SentPupil {
  pupilId: string;
  /** ID_PRV_ELE: our private id, 0..99999. */
  privateId: number;
  ine?: string;
  /** SIECLE's ELEVE_ID when we knew it at the time of the send. */
  eleveId?: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  mefCode?: string;
  division?: string;
  /** Set for a pupil sent as leaving (ELEVE_SORTANT). */
  exitDate?: string;
}

export interface SentSnapshot {
  sendNumber: number;
  /**
   * The id of the export built right after the send was recorded: the ledger's
   * `exp-<UAI>-<year>-siecle.import-prive-<asOf>`, `asOf` being the position of the
   * `SiecleSendRecorded` event (the last event the export's `prepare` writes). Empty when the
   * event was folded without its stored envelope (tests).
   */
  exportId: string;
  year: number;
  /** `recordedAt` of the `SiecleSendRecorded` event: the export's `producedAt`. Empty without the envelope. */
  sentAt: string;
  pupils: SentPupil[];
  /** SHA-256 of the file's `DONNEES` block (added by the send ledger). */
  digest?: string;
  /** The guardian persons sent, with their ID_PRV_PER (added by the send ledger). */
  guardians?: Array<{ guardianId: string; privateId: number }>;
  /** Global position of the `SiecleSendRecorded` event, when folded from the stored log. */
  position?: number;
}

/** The folded state of `siecle-<UAI>`: private ids assigned, send numbers, the last send. */
export interface SiecleSendState {
  /** pupilId → ID_PRV_ELE, assigned once, sequentially, in pupilId order. */
  pupilPrivateIds: Record<string, number>;
  /** guardianId → ID_PRV_PER. */
  guardianPrivateIds: Record<string, number>;
  nextPupilPrivateId: number;
  nextGuardianPrivateId: number;
  /** Last send number used, per school year. */
  sendNumbers: Record<number, number>;
  lastSend?: SentSnapshot;
  /** The last send of each school year (added by the send ledger; `lastSend` is the latest of all years). */
  lastSendByYear?: Record<number, SentSnapshot>;
}

export const initialSiecleSendState = (): SiecleSendState => ({
  pupilPrivateIds: {},
  guardianPrivateIds: {},
  nextPupilPrivateId: 1,
  nextGuardianPrivateId: 1,
  sendNumbers: {},
});

/** The stream kind and id of the establishment's SIECLE ledger. */
export const SIECLE_STREAM_KIND = 'siecle';
export const siecleStreamId = (uai: string) => `${SIECLE_STREAM_KIND}-${uai}`;
