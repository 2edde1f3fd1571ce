import { type CommandDefinition, defineCommand } from '../commands/command';
import { deciderFor } from '../decider';
import { evolveEstablishment } from '../establishment/establishment-evolve';
import { initialEstablishmentState } from '../establishment/establishment-state';
import { streamIds } from '../streams';
import { tickChecklistStepPayload, untickChecklistStepPayload } from './checklist-commands';
import { checklistDecider } from './checklist-decider';
import { checklistStepLookup } from './checklist-lookup';

const establishmentAggregate = { initialState: initialEstablishmentState, evolve: evolveEstablishment };

export const TickChecklistStepCommand = defineCommand({
  type: 'TickChecklistStep',
  payload: tickChecklistStepPayload,
  decider: deciderFor(checklistDecider, 'TickChecklistStep'),
  streamId: (p) => streamIds.checklist(p.uai, p.year),
  context: (p) => ({ establishment: { streamId: streamIds.establishment(p.uai), aggregate: establishmentAggregate } }),
  lookups: (p) => ({ step: checklistStepLookup(p.stepId) }),
});

export const UntickChecklistStepCommand = defineCommand({
  type: 'UntickChecklistStep',
  payload: untickChecklistStepPayload,
  decider: deciderFor(checklistDecider, 'UntickChecklistStep'),
  streamId: (p) => streamIds.checklist(p.uai, p.year),
});

export const checklistCommands: CommandDefinition[] = [TickChecklistStepCommand, UntickChecklistStepCommand];
