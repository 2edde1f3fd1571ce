import { type Command, RuleViolationError, type SchoolSnapshot } from '@liaison/domain';
import { type SentPupil } from './send-state';
import { composeSend } from '../export/import-prive-send';
import {
  idsExhaustedMessage,
  MAX_PRIVATE_ID,
  type AssignSiecleIds,
  type NumberSiecleSend,
  type RecordSiecleSend,
} from './send-commands';

/**
 * The commands an `IMPORT_ELEVES` send records before its file is built (PRODUCT.md « Exports
 * and the ledger »: assign first, then build as of the position after):
 *
 * 1. `AssignSiecleIds`: the private ids of the pupils and persons sent for the first time;
 * 2. `NumberSiecleSend`: the next send number of the year;
 * 3. `RecordSiecleSend`: what the send holds (the `SentSnapshot` the reconciliation reads).
 *
 * The content is computed here, from the live snapshot and the ids being assigned: these
 * commands touch only the `siecle-<UAI>` stream, so the snapshot the file is then built from
 * holds the same data and the file holds exactly what was recorded (its `DONNEES` digest is
 * recorded too). The send is recorded last, so its event is the export's `asOf`.
 *
 * Refuses, in French, when the new ids or the send number would go beyond 99999.
 */
export function prepareSend(snapshot: SchoolSnapshot): Command[] {
  const send = composeSend(snapshot);
  const { ids, run } = send;
  if (ids.exhausted)
    throw new RuleViolationError('siecle_ids_exhausted', idsExhaustedMessage(ids.exhausted.kind, ids.exhausted.wanted));
  const sendNumber = send.nextSendNumber;
  if (sendNumber > MAX_PRIVATE_ID) {
    throw new RuleViolationError(
      'siecle_send_numbers_exhausted',
      `plus de numéro d’envoi SIECLE disponible pour ${snapshot.year} (NUM_ENVOI : ${MAX_PRIVATE_ID} au plus)`,
    );
  }
  const uai = snapshot.uai;
  const commands: Command[] = [];
  if (ids.newPupils.length + ids.newGuardians.length > 0) {
    const payload: AssignSiecleIds = { uai, pupils: ids.newPupils, guardians: ids.newGuardians };
    commands.push({ type: 'AssignSiecleIds', payload });
  }
  const numbered: NumberSiecleSend = { uai, year: snapshot.year, sendNumber };
  commands.push({ type: 'NumberSiecleSend', payload: numbered });
  const byId = new Map(run.scope.sent.map((s) => [s.pupilId, s]));
  const pupils: SentPupil[] = run.document.pupils.map((p) => {
    const scoped = byId.get(p.pupilId)!;
    const identity = scoped.pupil.identity!;
    return {
      pupilId: p.pupilId,
      privateId: ids.pupils.get(p.pupilId)!,
      ...(scoped.pupil.ine === undefined ? {} : { ine: scoped.pupil.ine }),
      ...(scoped.pupil.siecleId === undefined ? {} : { eleveId: scoped.pupil.siecleId }),
      lastName: identity.lastName,
      firstName: identity.firstName,
      birthDate: identity.birthDate,
      ...(p.schooling?.mef ? { mefCode: p.schooling.mef } : {}),
      ...(p.schooling?.division ? { division: p.schooling.division } : {}),
      ...(p.exit ? { exitDate: p.exit.date } : {}),
    };
  });
  const guardians = run.document.persons.map((p) => ({ guardianId: p.guardianId, privateId: ids.guardians.get(p.guardianId)! }));
  const recorded: RecordSiecleSend = { uai, year: snapshot.year, sendNumber, digest: send.digest, pupils, guardians };
  commands.push({ type: 'RecordSiecleSend', payload: recorded });
  return commands;
}
