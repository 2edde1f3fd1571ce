import { type DomainEvent, type Evolver } from '@liaison/domain';
import { type EventData } from '@liaison/events';
import { SiecleGuardianIdsAssigned, SieclePupilIdsAssigned, SiecleSendNumbered, SiecleSendRecorded } from '../events/send-events';
import { IMPORT_PRIVE_FORMAT_ID } from '../export/format-ids';
import { initialSiecleSendState, type SentSnapshot, type SiecleSendState } from './send-state';

/** The stored envelope's fields, present when the server folds the log (absent in tests). */
interface StoredFields {
  globalPosition?: number;
  recordedAt?: string;
}

/**
 * The export id the server's ledger gives the export built as of `position`
 * (`exp-<UAI>-<year>-<format>-<asOf>`, apps/server `exportIdOf`).
 */
export const sendExportId = (uai: string, year: number, position: number) =>
  `exp-${uai}-${year}-${IMPORT_PRIVE_FORMAT_ID}-${position}`;

export function evolveSiecleSend(state: SiecleSendState, event: DomainEvent): SiecleSendState {
  switch (event.type) {
    case SieclePupilIdsAssigned.type: {
      const d = event.data as EventData<typeof SieclePupilIdsAssigned>;
      const pupilPrivateIds = { ...state.pupilPrivateIds };
      let next = state.nextPupilPrivateId;
      for (const { pupilId, privateId } of d.ids) {
        pupilPrivateIds[pupilId] = privateId;
        next = Math.max(next, privateId + 1);
      }
      return { ...state, pupilPrivateIds, nextPupilPrivateId: next };
    }
    case SiecleGuardianIdsAssigned.type: {
      const d = event.data as EventData<typeof SiecleGuardianIdsAssigned>;
      const guardianPrivateIds = { ...state.guardianPrivateIds };
      let next = state.nextGuardianPrivateId;
      for (const { guardianId, privateId } of d.ids) {
        guardianPrivateIds[guardianId] = privateId;
        next = Math.max(next, privateId + 1);
      }
      return { ...state, guardianPrivateIds, nextGuardianPrivateId: next };
    }
    case SiecleSendNumbered.type: {
      const d = event.data as EventData<typeof SiecleSendNumbered>;
      return { ...state, sendNumbers: { ...state.sendNumbers, [d.year]: d.sendNumber } };
    }
    case SiecleSendRecorded.type: {
      const d = event.data as EventData<typeof SiecleSendRecorded>;
      const stored = event as DomainEvent & StoredFields;
      const position = typeof stored.globalPosition === 'number' ? stored.globalPosition : undefined;
      const lastSend: SentSnapshot = {
        sendNumber: d.sendNumber,
        exportId: position === undefined ? '' : sendExportId(d.uai, d.year, position),
        year: d.year,
        sentAt: typeof stored.recordedAt === 'string' ? stored.recordedAt : '',
        pupils: d.pupils.map((p) => ({ ...p })),
        digest: d.digest,
        guardians: d.guardians.map((g) => ({ ...g })),
        ...(position === undefined ? {} : { position }),
      };
      return { ...state, lastSend, lastSendByYear: { ...state.lastSendByYear, [d.year]: lastSend } };
    }
    default:
      return state;
  }
}

/** The `siecle` stream kind's aggregate: `LiaisonPlugin.aggregates.siecle`. */
export const sendAggregate: Evolver<SiecleSendState> = {
  initialState: initialSiecleSendState,
  evolve: evolveSiecleSend,
};
