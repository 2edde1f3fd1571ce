import { type Projection } from '@liaison/domain';
import { type EventCatalogue } from '@liaison/events';
import { aggregateProjection } from './aggregate-view';
import { classView } from './class.view';
import { establishmentView } from './establishment.view';
import { guardianView } from './guardian.view';
import { pupilView } from './pupil.view';
import { streamActivityProjection } from './stream-activity.projection';
import { yearView } from './year.view';

/**
 * The core read models. The aggregate views are inline (screens read their writes); the
 * activity index is async. Each view reads every event type of its streams.
 */
export function coreProjections(catalogue: EventCatalogue): Projection[] {
  const all = () => catalogue.eventTypes();
  return [
    aggregateProjection('core_establishments', 1, establishmentView, all()),
    aggregateProjection('core_years', 1, yearView, all()),
    aggregateProjection('core_classes', 1, classView, all()),
    aggregateProjection('core_pupils', 2, pupilView, all()),
    aggregateProjection('core_guardians', 1, guardianView, all()),
    streamActivityProjection(all),
  ];
}
