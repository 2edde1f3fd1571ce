import { type Projection } from '@liaison/domain';
import { type EventCatalogue } from '@liaison/events';
import { establishmentsProjection } from './establishments.projection';
import { streamActivityProjection } from './stream-activity.projection';
import { yearsProjection } from './years.projection';

export function coreProjections(catalogue: EventCatalogue): Projection[] {
  return [establishmentsProjection, yearsProjection, streamActivityProjection(() => catalogue.eventTypes())];
}
