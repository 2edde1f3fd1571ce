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
  exportId: string;
  year: number;
  sentAt: string;
  pupils: SentPupil[];
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
