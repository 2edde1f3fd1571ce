import { type CommandDefinition, defineCommand } from '../commands/command';
import { streamIds } from '../streams';
import { setGuardianSiecleIdPayload } from './guardian-commands';
import { guardianDecider } from './guardian-decider';

export const SetGuardianSiecleIdCommand = defineCommand({
  type: 'SetGuardianSiecleId',
  payload: setGuardianSiecleIdPayload,
  decider: guardianDecider,
  streamId: (p) => streamIds.guardian(p.uai, p.guardianId),
});

/** Commands whose target is a guardian stream (the others write to it from the pupil commands). */
export const guardianCommands: CommandDefinition[] = [SetGuardianSiecleIdCommand];
