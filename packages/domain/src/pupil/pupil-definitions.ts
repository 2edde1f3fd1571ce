import { type z } from 'zod';
import { initialClassState } from '../class/class-state';
import { evolveClass } from '../class/class-evolve';
import { type Command, type CommandDefinition, type ContextStream, defineCommand, type Lookup } from '../commands/command';
import { type Decider } from '../decider';
import { evolveEstablishment } from '../establishment/establishment-evolve';
import { initialEstablishmentState } from '../establishment/establishment-state';
import { evolveGuardian } from '../guardian/guardian-evolve';
import { initialGuardianState } from '../guardian/guardian-state';
import { streamIds } from '../streams';
import { evolveYear } from '../year/year-evolve';
import { initialYearState } from '../year/year-state';
import {
  addGuardianPayload,
  assignNationalIdPayload,
  changePupilClassPayload,
  correctGuardianPayload,
  correctPupilIdentityPayload,
  enrolPupilPayload,
  exitPupilPayload,
  planNextYearPayload,
  preEnrolPupilPayload,
  registerPupilPayload,
  removeGuardianPayload,
  setPupilDispositifsPayload,
  setPupilFormationPayload,
  setPupilLanguagesPayload,
  setPupilSchoolingPayload,
  setPupilSiecleIdPayload,
} from './pupil-commands';
import { guardianContextKey, type PupilCommand, type PupilContext, pupilDecider } from './pupil-decider';
import { INE_HOLDER, ineHolderLookup } from './pupil-lookups';
import { type PupilState } from './pupil-state';

type PupilCommandType = PupilCommand['type'];
type PayloadOf<T extends PupilCommandType> = Extract<PupilCommand, { type: T }>['payload'];

const yearAggregate = { initialState: initialYearState, evolve: evolveYear };
const classAggregate = { initialState: initialClassState, evolve: evolveClass };
const guardianAggregate = { initialState: initialGuardianState, evolve: evolveGuardian };
const establishmentAggregate = { initialState: initialEstablishmentState, evolve: evolveEstablishment };

const establishmentStream = (uai: string): ContextStream => ({
  streamId: streamIds.establishment(uai),
  aggregate: establishmentAggregate,
});
const yearStream = (uai: string, year: number): ContextStream => ({
  streamId: streamIds.year(uai, year),
  aggregate: yearAggregate,
});
const classStream = (uai: string, year: number, classCode: string): ContextStream => ({
  streamId: streamIds.class(uai, year, classCode),
  aggregate: classAggregate,
});
const guardianStreams = (uai: string, guardianIds: readonly string[]): Record<string, ContextStream> =>
  Object.fromEntries(
    guardianIds.map((id) => [guardianContextKey(id), { streamId: streamIds.guardian(uai, id), aggregate: guardianAggregate }]),
  );

/**
 * One pupil command: its payload schema must produce the payload the decider expects for that
 * type, and every pupil command writes to `pupil-<UAI>-<pupilId>`.
 */
function pupilCommand<T extends PupilCommandType>(definition: {
  type: T;
  payload: z.ZodType<PayloadOf<T>>;
  context?(payload: PayloadOf<T>): Record<string, ContextStream>;
  lookups?(payload: PayloadOf<T>): Record<string, Lookup>;
}): CommandDefinition<PayloadOf<T>, PupilState, PupilContext> {
  // The pipeline hands each decider only commands of the types it was registered for.
  const decider = pupilDecider as unknown as Decider<Command<string, PayloadOf<T>>, PupilState, PupilContext>;
  return defineCommand<PayloadOf<T>, PupilState, PupilContext>({
    ...definition,
    decider,
    streamId: (p) => streamIds.pupil(p.uai, p.pupilId),
  });
}

export const RegisterPupilCommand = pupilCommand({
  type: 'RegisterPupil',
  payload: registerPupilPayload,
  context: (p) => ({
    establishment: establishmentStream(p.uai),
    ...guardianStreams(
      p.uai,
      (p.guardians ?? []).map((g) => g.guardianId),
    ),
  }),
});

export const AddGuardianCommand = pupilCommand({
  type: 'AddGuardian',
  payload: addGuardianPayload,
  context: (p) => guardianStreams(p.uai, [p.guardian.guardianId]),
});

export const CorrectGuardianCommand = pupilCommand({
  type: 'CorrectGuardian',
  payload: correctGuardianPayload,
  context: (p) => guardianStreams(p.uai, [p.guardian.guardianId]),
});

export const RemoveGuardianCommand = pupilCommand({ type: 'RemoveGuardian', payload: removeGuardianPayload });

export const PreEnrolPupilCommand = pupilCommand({
  type: 'PreEnrolPupil',
  payload: preEnrolPupilPayload,
  context: (p) => ({
    year: yearStream(p.uai, p.year),
    ...(p.classCode === undefined ? {} : { class: classStream(p.uai, p.year, p.classCode) }),
  }),
});

export const SetPupilLanguagesCommand = pupilCommand({
  type: 'SetPupilLanguages',
  payload: setPupilLanguagesPayload,
  context: (p) => ({ year: yearStream(p.uai, p.year) }),
});

export const SetPupilDispositifsCommand = pupilCommand({ type: 'SetPupilDispositifs', payload: setPupilDispositifsPayload });

export const SetPupilSchoolingCommand = pupilCommand({ type: 'SetPupilSchooling', payload: setPupilSchoolingPayload });

export const CorrectPupilIdentityCommand = pupilCommand({ type: 'CorrectPupilIdentity', payload: correctPupilIdentityPayload });

export const EnrolPupilCommand = pupilCommand({
  type: 'EnrolPupil',
  payload: enrolPupilPayload,
  context: (p) => ({ year: yearStream(p.uai, p.year), class: classStream(p.uai, p.year, p.classCode) }),
});

export const ChangePupilClassCommand = pupilCommand({
  type: 'ChangePupilClass',
  payload: changePupilClassPayload,
  context: (p) => ({ class: classStream(p.uai, p.year, p.classCode) }),
});

export const SetPupilFormationCommand = pupilCommand({
  type: 'SetPupilFormation',
  payload: setPupilFormationPayload,
  context: (p) => ({
    year: yearStream(p.uai, p.year),
    ...(p.classCode === undefined ? {} : { class: classStream(p.uai, p.year, p.classCode) }),
  }),
});

export const ExitPupilCommand = pupilCommand({ type: 'ExitPupil', payload: exitPupilPayload });

export const PlanNextYearCommand = pupilCommand({
  type: 'PlanNextYear',
  payload: planNextYearPayload,
  context: (p) => ({
    establishment: establishmentStream(p.uai),
    year: yearStream(p.uai, p.year),
    nextYear: yearStream(p.uai, p.year + 1),
  }),
});

export const AssignNationalIdCommand = pupilCommand({
  type: 'AssignNationalId',
  payload: assignNationalIdPayload,
  lookups: (p) => ({ [INE_HOLDER]: ineHolderLookup(p.uai, p.ine) }),
});

export const SetPupilSiecleIdCommand = pupilCommand({ type: 'SetPupilSiecleId', payload: setPupilSiecleIdPayload });

/** The pupil commands, in the order of PRODUCT.md's table, then SetPupilSiecleId. */
export const pupilCommands: CommandDefinition[] = [
  RegisterPupilCommand,
  AddGuardianCommand,
  CorrectGuardianCommand,
  RemoveGuardianCommand,
  PreEnrolPupilCommand,
  SetPupilLanguagesCommand,
  SetPupilDispositifsCommand,
  SetPupilSchoolingCommand,
  CorrectPupilIdentityCommand,
  EnrolPupilCommand,
  ChangePupilClassCommand,
  SetPupilFormationCommand,
  ExitPupilCommand,
  PlanNextYearCommand,
  AssignNationalIdCommand,
  SetPupilSiecleIdCommand,
];
