import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { addressShape, entityIdShape, guardianPersonShape, guardianRelationShape, uaiShape } from './shapes';

const guardianRef = { uai: uaiShape, guardianId: entityIdShape };

/** A guardian person, on `guardian-<UAI>-<guardianId>`. */
export const GuardianRegistered = defineEvent('GuardianRegistered', z.object({ ...guardianRef, ...guardianPersonShape.shape }));

/** Person fields that changed; `null` clears an optional one. On the guardian's stream. */
export const GuardianCorrected = defineEvent(
  'GuardianCorrected',
  z.object({
    ...guardianRef,
    changes: z.object({
      civility: z.enum(['M.', 'MME']).optional(),
      lastName: z.string().min(1).optional(),
      firstName: z.string().min(1).optional(),
      usageName: z.string().min(1).nullable().optional(),
      address: addressShape.optional(),
      phone: z.string().min(1).nullable().optional(),
      mobile: z.string().min(1).nullable().optional(),
      email: z.string().min(1).nullable().optional(),
      profession: z.string().min(1).nullable().optional(),
    }),
  }),
);

/** SIECLE's PERSONNE_ID (family id) of the guardian. */
export const GuardianSiecleIdSet = defineEvent(
  'GuardianSiecleIdSet',
  z.object({ ...guardianRef, personneId: z.string().min(1) }),
);

const relationRef = { uai: uaiShape, pupilId: entityIdShape, guardianId: entityIdShape };

/** The guardian becomes one of the pupil's guardians. On the pupil's stream. */
export const GuardianAdded = defineEvent('GuardianAdded', z.object({ ...relationRef, ...guardianRelationShape.shape }));

/** Relation fields that changed. On the pupil's stream. */
export const GuardianLinkCorrected = defineEvent(
  'GuardianLinkCorrected',
  z.object({ ...relationRef, changes: guardianRelationShape.partial() }),
);

/** The guardian no longer is one of the pupil's guardians; the person stays. On the pupil's stream. */
export const GuardianRemoved = defineEvent('GuardianRemoved', z.object(relationRef));
