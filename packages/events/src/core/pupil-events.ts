import { z } from 'zod';
import { defineEvent } from '../event-definition';
import {
  birthPlaceShape,
  classCodeShape,
  entityIdShape,
  isoDateShape,
  previousSchoolShape,
  schoolYearShape,
  sexShape,
  uaiShape,
} from './shapes';

const pupilRef = { uai: uaiShape, pupilId: entityIdShape };
const pupilYearRef = { ...pupilRef, year: schoolYearShape };

export const identityShape = z.object({
  lastName: z.string().min(1),
  firstName: z.string().min(1),
  sex: sexShape,
  birthDate: isoDateShape,
  usageName: z.string().min(1).optional(),
  firstName2: z.string().min(1).optional(),
  firstName3: z.string().min(1).optional(),
  birthPlace: birthPlaceShape.optional(),
  nationality: z.string().min(1).optional(),
  previousSchool: previousSchoolShape.optional(),
});

/** The pupil's identity; guardians are linked by separate `GuardianAdded` events. */
export const PupilRegistered = defineEvent('PupilRegistered', z.object({ ...pupilRef, ...identityShape.shape }));

/** Identity fields that changed, with their new values; `null` clears an optional field. */
export const PupilIdentityCorrected = defineEvent(
  'PupilIdentityCorrected',
  z.object({
    ...pupilRef,
    changes: z.object({
      lastName: z.string().min(1).optional(),
      firstName: z.string().min(1).optional(),
      sex: sexShape.optional(),
      birthDate: isoDateShape.optional(),
      usageName: z.string().min(1).nullable().optional(),
      firstName2: z.string().min(1).nullable().optional(),
      firstName3: z.string().min(1).nullable().optional(),
      birthPlace: birthPlaceShape.nullable().optional(),
      nationality: z.string().min(1).nullable().optional(),
      previousSchool: previousSchoolShape.nullable().optional(),
    }),
  }),
);

export const NationalIdAssigned = defineEvent('NationalIdAssigned', z.object({ ...pupilRef, ine: z.string().min(1) }));

/** SIECLE's ELEVE_ID for the pupil (from a SIECLE export). */
export const PupilSiecleIdSet = defineEvent('PupilSiecleIdSet', z.object({ ...pupilRef, eleveId: z.string().min(1) }));

export const PupilPreEnrolled = defineEvent(
  'PupilPreEnrolled',
  z.object({ ...pupilYearRef, classCode: classCodeShape.optional(), formationCode: z.string().min(1).optional() }),
);

export const PupilEnrolled = defineEvent(
  'PupilEnrolled',
  z.object({ ...pupilYearRef, classCode: classCodeShape, entryDate: isoDateShape, formationCode: z.string().min(1).optional() }),
);

export const PupilClassChanged = defineEvent(
  'PupilClassChanged',
  z.object({ ...pupilYearRef, classCode: classCodeShape, date: isoDateShape, previousClassCode: classCodeShape }),
);

export const PupilFormationSet = defineEvent(
  'PupilFormationSet',
  z.object({ ...pupilYearRef, formationCode: z.string().min(1) }),
);

export const PupilLanguagesSet = defineEvent(
  'PupilLanguagesSet',
  z.object({ ...pupilYearRef, lv1: z.string().min(1), lv2: z.string().min(1).optional() }),
);

export const PupilDispositifsSet = defineEvent(
  'PupilDispositifsSet',
  z.object({ ...pupilYearRef, dispositifs: z.array(z.string().min(1)) }),
);

/** SIECLE schooling fields of the year; absent fields keep their previous value. */
export const PupilSchoolingSet = defineEvent(
  'PupilSchoolingSet',
  z.object({
    ...pupilYearRef,
    regime: z.string().min(1).optional(),
    statut: z.string().min(1).optional(),
    transport: z.boolean().optional(),
    doublement: z.boolean().optional(),
  }),
);

export const PupilExited = defineEvent(
  'PupilExited',
  z.object({ ...pupilYearRef, exitDate: isoDateShape, motive: z.string().regex(/^\d{2}$/) }),
);

/** The "An prochain" decision for the pupil, read by the year rollover. */
export const NextYearPlanned = defineEvent(
  'NextYearPlanned',
  z.object({
    ...pupilYearRef,
    decision: z.enum(['passage', 'redoublement', 'sortie']),
    formationCode: z.string().min(1).optional(),
    classCode: classCodeShape.optional(),
    motive: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    exitDate: isoDateShape.optional(),
  }),
);
