import { DomainError } from '@liaison/domain';
import { z } from 'zod';

/**
 * A line's payload checked as the command will check it, before the plan is shown: a value the
 * command would refuse rejects the line with the command's own French message.
 */

const frenchMessages = z.locales.fr().localeError;

/** The payload parsed by the command's schema; `what` prefixes the message (« évaluation : … »). */
export function validatePayload<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const parsed = schema.safeParse(payload, { error: frenchMessages });
  // Our shapes' messages name the field in French: the payload's key paths would only add English.
  if (!parsed.success)
    throw new DomainError('invalid_value', `${what} : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`, 'invalid');
  return parsed.data;
}

/** The payload without the stream's identity: what the pupil's livret keeps, to compare with it (`sameJson`). */
export function recordFieldsOf(payload: Record<string, unknown>): Record<string, unknown> {
  const { uai: _u, year: _y, pupilId: _p, ...fields } = payload;
  return fields;
}
