import type { Problems } from './errors.js';

/**
 * A name or one-line text ('line'), or free text that may run over lines ('multiline': a
 * description, a note), which also keeps line feeds and tabs.
 */
export type TextShape = 'line' | 'multiline';

// C0 controls, DEL and C1 controls: invisible, and NUL truncates the text in some stores and tools.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex -- as above, sparing tab and line feed
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a
// text display in another order than it is stored ("Trojan Source"), in a document or an admin page.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * Why a text may not be stored as a name or free text, or null when it may. Every path that
 * takes text from a person (API, CLI, admin) goes through this one rule.
 */
export function textProblem(text: string, shape: TextShape = 'line'): string | null {
  if ((shape === 'multiline' ? CONTROL_BUT_LINES : CONTROL).test(text)) {
    return shape === 'multiline'
      ? 'must not contain control characters (other than line feeds and tabs)'
      : 'must not contain control characters';
  }
  if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional override characters';
  return null;
}

/**
 * A required text field: trimmed, 1..max characters, no control characters or bidirectional
 * overrides. Returns the trimmed value, or null after adding a problem under `field`.
 */
export function requiredText(
  value: unknown,
  field: string,
  max: number,
  problems: Problems,
  shape: TextShape = 'line',
): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(field, 'is required');
    return null;
  }
  return checkedText(value.trim(), field, max, problems, shape);
}

/** An optional text field: trimmed, empty means null, at most max characters, the same character rules. */
export function optionalText(
  value: unknown,
  field: string,
  max: number,
  problems: Problems,
  shape: TextShape = 'line',
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.add(field, 'must be a string');
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return checkedText(trimmed, field, max, problems, shape);
}

function checkedText(trimmed: string, field: string, max: number, problems: Problems, shape: TextShape): string | null {
  if ([...trimmed].length > max) {
    problems.add(field, `must be at most ${max} characters`);
    return null;
  }
  const problem = textProblem(trimmed, shape);
  if (problem !== null) {
    problems.add(field, problem);
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
