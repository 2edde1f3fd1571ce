import { type LiaisonPlugin, PLUGIN_API_VERSION } from '@liaison/domain';
import { defineEvent } from '@liaison/events';
import { z } from 'zod';

/**
 * Pupil-file event types for the generated log of case 3, registered in the catalogue like a
 * degree plugin's, so that `core_stream_activity` (which handles every catalogued type) reads them.
 */
const pupilId = z.string().min(1);
const name = z.string().min(1).max(80);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PupilEnrolled = defineEvent(
  'BenchPupilEnrolled',
  z.object({
    uai: z.string().regex(/^\d{7}[A-Z]$/),
    pupilId,
    ine: z.string().length(11),
    lastName: name,
    firstName: name,
    birthDate: isoDate,
    sex: z.enum(['F', 'M']),
    level: z.string().min(1),
    enrolledOn: isoDate,
  }),
);

export const GuardianLinked = defineEvent(
  'BenchGuardianLinked',
  z.object({
    pupilId,
    guardianId: z.string().min(1),
    relation: z.enum(['mère', 'père', 'tuteur']),
    lastName: name,
    firstName: name,
    phone: z.string(),
    email: z.string(),
  }),
);

export const PupilAssignedToClass = defineEvent(
  'BenchPupilAssignedToClass',
  z.object({ pupilId, year: z.number().int(), classCode: z.string().min(1) }),
);

export const PupilAddressChanged = defineEvent(
  'BenchPupilAddressChanged',
  z.object({ pupilId, street: z.string(), postalCode: z.string().length(5), city: name }),
);

export const PupilIdentityCorrected = defineEvent(
  'BenchPupilIdentityCorrected',
  z.object({ pupilId, lastName: name, firstName: name, birthDate: isoDate }),
);

export const PupilSchoolingChanged = defineEvent(
  'BenchPupilSchoolingChanged',
  z.object({ pupilId, regime: z.enum(['externe', 'demi-pensionnaire', 'interne']), from: isoDate }),
);

export function benchPlugin(): LiaisonPlugin {
  return {
    manifest: {
      id: 'bench',
      degree: 'second',
      displayName: 'Bench pupil files',
      apiVersion: PLUGIN_API_VERSION,
      tablePrefix: 'bench_',
    },
    events: [
      PupilEnrolled,
      GuardianLinked,
      PupilAssignedToClass,
      PupilAddressChanged,
      PupilIdentityCorrected,
      PupilSchoolingChanged,
    ],
  };
}
