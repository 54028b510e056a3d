/**
 * Every expected failure is a DomainError with a stable snake_case code. The HTTP
 * layer maps codes to statuses in one table (app-http/src/error-map.ts).
 */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_money'
  | 'invalid_credentials'
  | 'invalid_token'
  | 'invalid_signature'
  | 'forbidden'
  | 'not_found'
  | 'already_exists'
  | 'conflict'
  | 'invalid_transition'
  | 'insufficient_stock'
  | 'idempotency_conflict'
  | 'amount_changed'
  | 'payment_failed'
  | 'payment_requires_action'
  | 'rate_limited'
  | 'unavailable';

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly FieldProblem[],
    /** Extra machine-readable data for the client (for example short stock per product). */
    readonly meta?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * An expected failure whose record must outlive it: a declined charge leaves a failed row
 * in the payment ledger. A unit of work that sees it thrown commits what was written
 * before it, then rethrows it (any other error rolls everything back).
 */
export class RecordedRefusal extends DomainError {
  constructor(code: ErrorCode, message: string, meta?: Readonly<Record<string, unknown>>) {
    super(code, message, undefined, meta);
    this.name = 'RecordedRefusal';
  }
}

/** A 400: one or more fields are invalid. The message names the first bad field. */
export class ValidationError extends DomainError {
  constructor(details: readonly FieldProblem[]) {
    const first = details[0];
    super('validation_failed', first ? `${first.field}: ${first.message}` : 'invalid input', details);
    this.name = 'ValidationError';
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} not found`);
}

/** Collects field problems, then throws them together. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }
  get isEmpty(): boolean {
    return this.list.length === 0;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}
