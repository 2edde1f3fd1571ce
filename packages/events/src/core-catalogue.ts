import { EventCatalogue } from './catalogue';
import { coreEventDefinitions, coreUpcasters } from './core';

/** A catalogue holding the core events, still open for plugins to add theirs. */
export function createCoreCatalogue(): EventCatalogue {
  return new EventCatalogue().register(...coreEventDefinitions).registerUpcasters(...coreUpcasters);
}
