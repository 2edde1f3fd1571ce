import { type CommandDefinition, defineCommand } from '../commands/command';
import { deciderFor } from '../decider';
import { establishmentDecider } from '../establishment/establishment-decider';
import { streamIds } from '../streams';
import { declareClassTypesPayload, declareFormationsPayload, declareLanguagesPayload, openYearPayload } from './year-commands';
import { yearDecider } from './year-decider';

export const OpenYearCommand = defineCommand({
  type: 'OpenYear',
  payload: openYearPayload,
  decider: deciderFor(yearDecider, 'OpenYear'),
  streamId: (p) => streamIds.year(p.uai, p.year),
  context: (p) => ({ establishment: { streamId: streamIds.establishment(p.uai), aggregate: establishmentDecider } }),
});

/** Formations (first-degree levels, MEFs) the year may use; sent by the plugins' nomenclature importers. */
export const DeclareFormationsCommand = defineCommand({
  type: 'DeclareFormations',
  payload: declareFormationsPayload,
  decider: deciderFor(yearDecider, 'DeclareFormations'),
  streamId: (p) => streamIds.year(p.uai, p.year),
});

export const DeclareLanguagesCommand = defineCommand({
  type: 'DeclareLanguages',
  payload: declareLanguagesPayload,
  decider: deciderFor(yearDecider, 'DeclareLanguages'),
  streamId: (p) => streamIds.year(p.uai, p.year),
});

export const DeclareClassTypesCommand = defineCommand({
  type: 'DeclareClassTypes',
  payload: declareClassTypesPayload,
  decider: deciderFor(yearDecider, 'DeclareClassTypes'),
  streamId: (p) => streamIds.year(p.uai, p.year),
});

/** The year's command types: opening it, then its nomenclatures. */
export const yearCommands: CommandDefinition[] = [
  OpenYearCommand,
  DeclareFormationsCommand,
  DeclareLanguagesCommand,
  DeclareClassTypesCommand,
];
