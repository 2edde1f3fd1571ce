import { type CommandDefinition, defineCommand } from '../commands/command';
import { deciderFor } from '../decider';
import { streamIds } from '../streams';
import { registerEstablishmentPayload, setExchangeModePayload } from './establishment-commands';
import { establishmentDecider } from './establishment-decider';

export const RegisterEstablishmentCommand = defineCommand({
  type: 'RegisterEstablishment',
  payload: registerEstablishmentPayload,
  decider: deciderFor(establishmentDecider, 'RegisterEstablishment'),
  streamId: (p) => streamIds.establishment(p.uai),
});

export const SetExchangeModeCommand = defineCommand({
  type: 'SetExchangeMode',
  payload: setExchangeModePayload,
  decider: deciderFor(establishmentDecider, 'SetExchangeMode'),
  streamId: (p) => streamIds.establishment(p.uai),
});

/** The establishment's command types, in the order of PRODUCT.md's table. */
export const establishmentCommands: CommandDefinition[] = [RegisterEstablishmentCommand, SetExchangeModeCommand];
