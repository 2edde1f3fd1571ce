import {
  accept,
  type Command,
  type Decider,
  defineCommand,
  RuleViolationError,
  schoolYearSchema,
  uaiSchema,
} from '@liaison/domain';
import { z } from 'zod';
import {
  privateIdShape,
  SiecleGuardianIdsAssigned,
  SieclePupilIdsAssigned,
  SiecleSendNumbered,
  SiecleSendRecorded,
  sentPupilShape,
} from '../events/send-events';
import { sendAggregate } from './send-evolve';
import { type SiecleSendState, siecleStreamId } from './send-state';

/** The largest private id and send number the XSD's `entier5` allows. */
export const MAX_PRIVATE_ID = 99999;

const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/);

export const assignSiecleIdsPayload = z
  .object({
    uai: uaiSchema,
    pupils: z.array(z.object({ pupilId: entityId, privateId: z.number().int() })).default([]),
    guardians: z.array(z.object({ guardianId: entityId, privateId: z.number().int() })).default([]),
  })
  .refine((p) => p.pupils.length + p.guardians.length > 0, { message: 'aucun identifiant à attribuer' });
export type AssignSiecleIds = z.infer<typeof assignSiecleIdsPayload>;

export const numberSiecleSendPayload = z.object({ uai: uaiSchema, year: schoolYearSchema, sendNumber: z.number().int() });
export type NumberSiecleSend = z.infer<typeof numberSiecleSendPayload>;

export const recordSiecleSendPayload = z.object({
  uai: uaiSchema,
  year: schoolYearSchema,
  sendNumber: privateIdShape,
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  pupils: z.array(sentPupilShape),
  guardians: z.array(z.object({ guardianId: entityId, privateId: privateIdShape })),
});
export type RecordSiecleSend = z.infer<typeof recordSiecleSendPayload>;

type SendCommand =
  | Command<'AssignSiecleIds', AssignSiecleIds>
  | Command<'NumberSiecleSend', NumberSiecleSend>
  | Command<'RecordSiecleSend', RecordSiecleSend>;

export const idsExhaustedMessage = (kind: 'élèves' | 'responsables', wanted: number) =>
  `plus d’identifiant privé SIECLE disponible pour les ${kind} : ${wanted} dépasserait ${MAX_PRIVATE_ID}, la limite du schéma IMPORT_ELEVES (ID_PRV_${kind === 'élèves' ? 'ELE' : 'PER'}, 0 à ${MAX_PRIVATE_ID}) ; les identifiants ne sont jamais réutilisés`;

/**
 * A batch of new ids must continue the sequence (`next`, `next + 1`, …), follow the order of
 * the internal ids, give no id twice and stay within 0..99999.
 */
function checkBatch(
  batch: ReadonlyArray<{ id: string; privateId: number }>,
  assigned: Record<string, number>,
  next: number,
  kind: 'élèves' | 'responsables',
): void {
  let expected = next;
  let previous: string | undefined;
  for (const { id, privateId } of batch) {
    if (Object.hasOwn(assigned, id)) {
      throw new RuleViolationError(
        'siecle_id_already_assigned',
        `${id} a déjà l’identifiant privé SIECLE ${assigned[id]} : il ne change jamais`,
      );
    }
    if (previous !== undefined && !(previous < id)) {
      throw new RuleViolationError(
        'siecle_ids_out_of_order',
        `les identifiants privés SIECLE s’attribuent dans l’ordre des identifiants internes (${previous} puis ${id})`,
      );
    }
    if (privateId > MAX_PRIVATE_ID) throw new RuleViolationError('siecle_ids_exhausted', idsExhaustedMessage(kind, privateId));
    if (privateId !== expected) {
      throw new RuleViolationError(
        'siecle_ids_not_sequential',
        `identifiant privé SIECLE ${privateId} pour ${id} : ${expected} est le suivant (attribution séquentielle)`,
      );
    }
    expected += 1;
    previous = id;
  }
}

const sendDecider: Decider<SendCommand, SiecleSendState> = {
  initialState: sendAggregate.initialState,
  evolve: sendAggregate.evolve,
  decide(command, state) {
    switch (command.type) {
      case 'AssignSiecleIds': {
        const p = command.payload;
        checkBatch(
          p.pupils.map((x) => ({ id: x.pupilId, privateId: x.privateId })),
          state.pupilPrivateIds,
          state.nextPupilPrivateId,
          'élèves',
        );
        checkBatch(
          p.guardians.map((x) => ({ id: x.guardianId, privateId: x.privateId })),
          state.guardianPrivateIds,
          state.nextGuardianPrivateId,
          'responsables',
        );
        return accept([
          ...(p.pupils.length > 0 ? [SieclePupilIdsAssigned.create({ uai: p.uai, ids: p.pupils })] : []),
          ...(p.guardians.length > 0 ? [SiecleGuardianIdsAssigned.create({ uai: p.uai, ids: p.guardians })] : []),
        ]);
      }
      case 'NumberSiecleSend': {
        const p = command.payload;
        const expected = (state.sendNumbers[p.year] ?? 0) + 1;
        if (expected > MAX_PRIVATE_ID) {
          throw new RuleViolationError(
            'siecle_send_numbers_exhausted',
            `plus de numéro d’envoi SIECLE disponible pour ${p.year} (NUM_ENVOI : ${MAX_PRIVATE_ID} au plus)`,
          );
        }
        if (p.sendNumber !== expected) {
          throw new RuleViolationError(
            'siecle_send_number_not_next',
            `numéro d’envoi ${p.sendNumber} pour ${p.year} : le suivant est ${expected}`,
          );
        }
        return accept([SiecleSendNumbered.create(p)]);
      }
      case 'RecordSiecleSend': {
        const p = command.payload;
        if (state.sendNumbers[p.year] !== p.sendNumber) {
          throw new RuleViolationError(
            'siecle_send_not_numbered',
            `l’envoi n° ${p.sendNumber} de ${p.year} n’a pas été numéroté (dernier numéro : ${state.sendNumbers[p.year] ?? 'aucun'})`,
          );
        }
        const previous = state.lastSendByYear?.[p.year] ?? (state.lastSend?.year === p.year ? state.lastSend : undefined);
        if (previous?.sendNumber === p.sendNumber) {
          throw new RuleViolationError(
            'siecle_send_already_recorded',
            `l’envoi n° ${p.sendNumber} de ${p.year} est déjà enregistré`,
          );
        }
        for (const pupil of p.pupils) {
          if (state.pupilPrivateIds[pupil.pupilId] !== pupil.privateId) {
            throw new RuleViolationError(
              'siecle_send_unknown_id',
              `l’élève ${pupil.pupilId} n’a pas l’identifiant privé ${pupil.privateId}`,
            );
          }
        }
        for (const guardian of p.guardians) {
          if (state.guardianPrivateIds[guardian.guardianId] !== guardian.privateId) {
            throw new RuleViolationError(
              'siecle_send_unknown_id',
              `le responsable ${guardian.guardianId} n’a pas l’identifiant privé ${guardian.privateId}`,
            );
          }
        }
        return accept([SiecleSendRecorded.create(p)]);
      }
    }
  },
};

const stream = (p: { uai: string }) => siecleStreamId(p.uai);

/** Gives private ids to the pupils and persons sent for the first time (internal: the export's `prepare`). */
export const AssignSiecleIdsCommand = defineCommand({
  type: 'AssignSiecleIds',
  internal: true,
  payload: assignSiecleIdsPayload,
  decider: sendDecider as unknown as Decider<Command<string, AssignSiecleIds>, SiecleSendState>,
  streamId: stream,
});

/** Takes the next send number of the year (internal). */
export const NumberSiecleSendCommand = defineCommand({
  type: 'NumberSiecleSend',
  internal: true,
  payload: numberSiecleSendPayload,
  decider: sendDecider as unknown as Decider<Command<string, NumberSiecleSend>, SiecleSendState>,
  streamId: stream,
});

/** Records what the numbered send holds (internal). */
export const RecordSiecleSendCommand = defineCommand({
  type: 'RecordSiecleSend',
  internal: true,
  payload: recordSiecleSendPayload,
  decider: sendDecider as unknown as Decider<Command<string, RecordSiecleSend>, SiecleSendState>,
  streamId: stream,
});

export const sendCommands = [AssignSiecleIdsCommand, NumberSiecleSendCommand, RecordSiecleSendCommand];
