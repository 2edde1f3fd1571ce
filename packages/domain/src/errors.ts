export type DomainErrorKind = 'invalid' | 'rule';
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
/** Input that fails its own check (a UAI check letter, a date): exit 2, HTTP 400. */
export class InvalidValueError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('invalid_value', message, 'invalid', details);
  }
}
/** A business rule that depends on state: exit 1, HTTP 409. */
export class RuleViolationError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 'rule', details);
  }
}
