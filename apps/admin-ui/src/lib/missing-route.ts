import { ApiError } from '../api/client';

/** A route this server does not have (yet): Nest answers 404 « Cannot GET … ». */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /^Cannot (GET|POST)/.test(error.message);
}
