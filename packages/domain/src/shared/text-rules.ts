import type { Problems } from './errors.js';

/**
 * A required text field: trimmed, 1..max characters. Returns the trimmed value, or null
 * after adding a problem under `field`.
 */
export function requiredText(value: unknown, field: string, max: number, problems: Problems): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(field, 'is required');
    return null;
  }
  const trimmed = value.trim();
  if ([...trimmed].length > max) {
    problems.add(field, `must be at most ${max} characters`);
    return null;
  }
  return trimmed;
}

/** An optional text field: trimmed, empty means null, at most max characters. */
export function optionalText(value: unknown, field: string, max: number, problems: Problems): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.add(field, 'must be a string');
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if ([...trimmed].length > max) {
    problems.add(field, `must be at most ${max} characters`);
    return null;
  }
  return trimmed;
}

export const PHONE_MAX_LENGTH = 30;
const PHONE_FORMAT = /^[0-9 +\-().]+$/;

/** Optional phone: at most 30 characters of digits, spaces and + - ( ) . with at least one digit. */
export function optionalPhone(value: unknown, field: string, problems: Problems): string | null {
  const phone = optionalText(value, field, PHONE_MAX_LENGTH, problems);
  if (phone === null) return null;
  if (!PHONE_FORMAT.test(phone) || !/[0-9]/.test(phone)) {
    problems.add(field, 'may contain only digits, spaces and + - ( ) . (at least one digit)');
    return null;
  }
  return phone;
}
