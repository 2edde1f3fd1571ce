import { type ExpectedVersion } from '@liaison/events';

/** The stream moved since it was read: the pipeline retries, HTTP with If-Match answers 412. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected version ${String(expected)}, found ${actual}`);
    this.name = 'ConcurrencyError';
  }
}
