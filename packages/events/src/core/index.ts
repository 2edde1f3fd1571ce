import { type EventDefinition } from '../event-definition';
import { type Upcaster } from '../upcaster';
import { EstablishmentRegistered } from './establishment-events';
import { YearOpened } from './year-events';

export * from './shapes';
export * from './establishment-events';
export * from './year-events';

/** Every core event definition, at every schema version still found in logs. */
export const coreEventDefinitions: EventDefinition[] = [EstablishmentRegistered, YearOpened];

/** Every core upcaster; each has a fixture test under `fixtures/upcasters`. */
export const coreUpcasters: Upcaster[] = [];
