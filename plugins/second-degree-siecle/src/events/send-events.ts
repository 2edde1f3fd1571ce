import { defineEvent, type EventDefinition } from '@liaison/events';
import { z } from 'zod';

/**
 * The SIECLE send ledger of an establishment, on its stream `siecle-<UAI>`: the private ids
 * (`ID_PRV_ELE`, `ID_PRV_PER`) handed out the first time a pupil or a person is sent, the send
 * numbers (`NUM_ENVOI`) of each school year, and what each send contained. These are
 * bookkeeping events (`Exporter.bookkeepingEventTypes`): never listed among the changes an
 * export carries. Another plugin may read them through this package's `events` entry point.
 */

const uai = z.string().regex(/^\d{7}[A-Z]$/);
const year = z.number().int().min(1900).max(2999);
const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The XSD's `entier5`: 0..99999. */
export const privateIdShape = z.number().int().min(0).max(99999);

/** Private ids given to pupils, in a batch: consecutive numbers, in `pupilId` order. */
export const SieclePupilIdsAssigned = defineEvent(
  'SieclePupilIdsAssigned',
  z.object({
    uai,
    ids: z.array(z.object({ pupilId: entityId, privateId: privateIdShape })).min(1),
  }),
);

/** Private ids given to guardian persons, in a batch: consecutive numbers, in `guardianId` order. */
export const SiecleGuardianIdsAssigned = defineEvent(
  'SiecleGuardianIdsAssigned',
  z.object({
    uai,
    ids: z.array(z.object({ guardianId: entityId, privateId: privateIdShape })).min(1),
  }),
);

/** The number of a send (`NUM_ENVOI`): 1, 2, 3… within a school year. */
export const SiecleSendNumbered = defineEvent('SiecleSendNumbered', z.object({ uai, year, sendNumber: privateIdShape }));

export const sentPupilShape = z.object({
  pupilId: entityId,
  privateId: privateIdShape,
  ine: z.string().min(1).optional(),
  eleveId: z.string().min(1).optional(),
  lastName: z.string().min(1),
  firstName: z.string().min(1),
  birthDate: isoDate,
  mefCode: z.string().min(1).optional(),
  division: z.string().min(1).optional(),
  exitDate: isoDate.optional(),
});

/**
 * What a send holds, decided when the send is prepared (before its file is built, from the same
 * data): the reconciliation of the next SIECLE export compares against it. `digest` is the
 * SHA-256 of the file's `DONNEES` block, which lets a rebuild tell this send from a later one.
 */
export const SiecleSendRecorded = defineEvent(
  'SiecleSendRecorded',
  z.object({
    uai,
    year,
    sendNumber: privateIdShape,
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    pupils: z.array(sentPupilShape),
    guardians: z.array(z.object({ guardianId: entityId, privateId: privateIdShape })),
  }),
);

export const sendEvents: EventDefinition[] = [
  SieclePupilIdsAssigned,
  SiecleGuardianIdsAssigned,
  SiecleSendNumbered,
  SiecleSendRecorded,
];

/** The event types of the send ledger: bookkeeping, never a change of the exported data. */
export const SIECLE_SEND_EVENT_TYPES: readonly string[] = Object.freeze(sendEvents.map((e) => e.type));
