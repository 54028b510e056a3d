import type { Problems } from '../shared/errors.js';

export const EMAIL_MAX_LENGTH = 254;

/** Emails are compared and stored trimmed and lower-cased (unique regardless of case). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// One @, a non-empty local part, a dotted domain; no spaces. Deliverability is proven by
// the verification email, not by a regular expression.
const EMAIL_FORMAT = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** The normalized email, or null after adding a problem under `field`. */
export function checkEmail(email: unknown, problems: Problems, field = 'email'): string | null {
  if (typeof email !== 'string' || email.trim() === '') {
    problems.add(field, 'is required');
    return null;
  }
  const normalized = normalizeEmail(email);
  if (normalized.length > EMAIL_MAX_LENGTH) {
    problems.add(field, `must be at most ${EMAIL_MAX_LENGTH} characters`);
    return null;
  }
  if (!EMAIL_FORMAT.test(normalized)) {
    problems.add(field, 'must be a valid email address such as name@example.com');
    return null;
  }
  return normalized;
}
