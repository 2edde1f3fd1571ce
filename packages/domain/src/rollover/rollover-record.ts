import { type EventData, YearRolledOver } from '@liaison/events';
import { z } from 'zod';
import { type Command, defineCommand } from '../commands/command';
import { accept, type Decider, type DomainEvent } from '../decider';
import { RuleViolationError } from '../errors';
import { streamIds } from '../streams';
import { schoolYearSchema, uaiSchema } from '../values';
import { type RolloverPlan } from './rollover-plan';

/** `rollover-<UAI>-<Y>`: the rollovers run from year Y, by id. */
export interface RolloverLedgerState {
  rollovers: string[];
}

export const initialRolloverLedgerState = (): RolloverLedgerState => ({ rollovers: [] });

export function evolveRolloverLedger(state: RolloverLedgerState, event: DomainEvent): RolloverLedgerState {
  if (event.type !== YearRolledOver.type) return state;
  return { rollovers: [...state.rollovers, (event.data as EventData<typeof YearRolledOver>).rolloverId] };
}

// The summary is written by the server from a plan it computed: the event's own shape checks it.
export const recordRolloverPayload = YearRolledOver.schema.extend({ uai: uaiSchema, fromYear: schoolYearSchema });
export type RecordRollover = z.infer<typeof recordRolloverPayload>;

const rolloverLedgerDecider: Decider<Command<'RecordRollover', RecordRollover>, RolloverLedgerState> = {
  initialState: initialRolloverLedgerState,
  evolve: evolveRolloverLedger,
  decide(command, state) {
    const p = command.payload;
    if (state.rollovers.includes(p.rolloverId)) {
      throw new RuleViolationError('rollover_exists', `la bascule ${p.rolloverId} est déjà enregistrée`);
    }
    return accept([YearRolledOver.create(p)]);
  },
};

/** The summary of a rollover, recorded by the server last, in the rollover's transaction. */
export const RecordRolloverCommand = defineCommand({
  type: 'RecordRollover',
  internal: true,
  payload: recordRolloverPayload,
  decider: rolloverLedgerDecider as Decider<Command<string, RecordRollover>, RolloverLedgerState>,
  streamId: (p) => streamIds.rollover(p.uai, p.fromYear),
});

/** The `RecordRollover` command that closes a run of `plan`. */
export function rolloverRecord(plan: RolloverPlan, rolloverId: string): Command<'RecordRollover', RecordRollover> {
  return {
    type: 'RecordRollover',
    payload: {
      rolloverId,
      uai: plan.uai,
      fromYear: plan.fromYear,
      toYear: plan.toYear,
      openedYear: plan.opensYear,
      nomenclatures: plan.nomenclatures,
      classes: plan.classes.map((c) => c.classCode),
      carried: plan.moves.map((m) => ({
        pupilId: m.pupilId,
        decision: m.decision,
        status: m.to.status,
        ...(m.to.formationCode === undefined ? {} : { formationCode: m.to.formationCode }),
        ...(m.to.classCode === undefined ? {} : { classCode: m.to.classCode }),
      })),
      exited: plan.leavers
        .filter((l) => !l.alreadyExited)
        .map((l) => ({ pupilId: l.pupilId, exitDate: l.exitDate, motive: l.motive })),
    },
  };
}

export const rolloverCommands = [RecordRolloverCommand];
