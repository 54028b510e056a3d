import type { ErrorCode } from '@giggatek/domain';

/** The single table from a DomainError code to its HTTP status (SPEC §9). */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_money: 400,
  invalid_credentials: 401,
  invalid_token: 401,
  // A webhook whose signature is missing, wrong or stale (SPEC §6: 400).
  invalid_signature: 400,
  forbidden: 403,
  not_found: 404,
  already_exists: 409,
  conflict: 409,
  invalid_transition: 409,
  insufficient_stock: 409,
  idempotency_conflict: 409,
  amount_changed: 409,
  payment_failed: 402,
  payment_requires_action: 402,
  rate_limited: 429,
  unavailable: 503,
};
