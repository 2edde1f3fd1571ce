import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { codeShape, entityIdShape, isoDateShape, schoolYearShape, uaiShape } from './shapes';

/**
 * A year rollover that wrote something: what it carried from `fromYear` into `toYear`. The
 * commands it ran are separate events sharing `rolloverId` as correlation id (source
 * `rollover`); this summary closes them, like an import's report. On `rollover-<UAI>-<fromYear>`.
 */
export const YearRolledOver = defineEvent(
  'YearRolledOver',
  z.object({
    rolloverId: z.string().min(1),
    uai: uaiShape,
    fromYear: schoolYearShape,
    toYear: schoolYearShape,
    /** True when the rollover opened `toYear` itself. */
    openedYear: z.boolean(),
    /** Nomenclatures of `fromYear` declared for `toYear`, which had none. */
    nomenclatures: z.array(z.enum(['formations', 'languages', 'classTypes'])),
    /** Classes of `fromYear` created in `toYear` (`--carry-classes`). */
    classes: z.array(z.string().min(1)),
    carried: z.array(
      z.object({
        pupilId: entityIdShape,
        decision: z.enum(['passage', 'redoublement']),
        status: z.enum(['preinscrit', 'inscrit']),
        formationCode: codeShape.optional(),
        classCode: z.string().min(1).optional(),
      }),
    ),
    exited: z.array(z.object({ pupilId: entityIdShape, exitDate: isoDateShape, motive: z.string().min(1) })),
  }),
);
