/** The CLI's exit codes, fixed by PRODUCT.md. */
export const ExitCode = {
  ok: 0,
  /** A rule refused the command, or the command line itself is wrong. */
  rejected: 1,
  /** The input file cannot be read or is invalid. */
  invalidInput: 2,
  /** Anomalies block the operation. */
  blocked: 3,
} as const;

/** Ends a CLI command with a message and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
