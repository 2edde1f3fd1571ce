import { type CommandDefinition, defineCommand } from './commands/command';
import { establishmentDecider } from './establishment/establishment-decider';
import { registerEstablishmentPayload } from './establishment/establishment-commands';
import { yearDecider } from './year/year-decider';
import { openYearPayload } from './year/year-commands';
import { streamIds } from './streams';

export const RegisterEstablishmentCommand = defineCommand({
  type: 'RegisterEstablishment',
  payload: registerEstablishmentPayload,
  decider: establishmentDecider,
  streamId: (p) => streamIds.establishment(p.uai),
});

export const OpenYearCommand = defineCommand({
  type: 'OpenYear',
  payload: openYearPayload,
  decider: yearDecider,
  streamId: (p) => streamIds.year(p.uai, p.year),
  context: (p) => ({ establishment: { streamId: streamIds.establishment(p.uai), aggregate: establishmentDecider } }),
});

/** The core command types, in the order of PRODUCT.md's table. */
export const coreCommands: CommandDefinition[] = [RegisterEstablishmentCommand, OpenYearCommand];
