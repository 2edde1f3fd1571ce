import { type EventDefinition } from '../event-definition';
import { type Upcaster } from '../upcaster';
import * as checklistEvents from './checklist-events';
import * as classEvents from './class-events';
import * as establishmentEvents from './establishment-events';
import * as guardianEvents from './guardian-events';
import * as ledgerEvents from './ledger-events';
import * as pupilEvents from './pupil-events';
import * as rolloverEvents from './rollover-events';
import * as yearEvents from './year-events';

export * from './shapes';
export * from './establishment-events';
export * from './year-events';
export * from './class-events';
export * from './pupil-events';
export * from './guardian-events';
export * from './ledger-events';
export * from './checklist-events';
export * from './rollover-events';

const definitionsOf = (module: Record<string, unknown>): EventDefinition[] =>
  Object.values(module).filter(
    (value): value is EventDefinition =>
      typeof value === 'object' && value !== null && 'type' in value && 'version' in value && 'schema' in value,
  );

/** Every core event definition, at every schema version still found in logs. */
export const coreEventDefinitions: EventDefinition[] = [
  establishmentEvents,
  yearEvents,
  classEvents,
  pupilEvents,
  guardianEvents,
  ledgerEvents,
  checklistEvents,
  rolloverEvents,
].flatMap(definitionsOf);

/** Every core upcaster; each has a fixture test under `__fixtures__/upcasters`. */
export const coreUpcasters: Upcaster[] = [];
