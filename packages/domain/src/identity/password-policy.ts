import { Problems } from '../shared/errors.js';

export const PASSWORD_MIN_CHARACTERS = 8;
/** bcrypt reads only the first 72 bytes: a longer password is refused, never truncated. */
export const PASSWORD_MAX_BYTES = 72;

export const PASSWORD_RULE =
  `must be at least ${PASSWORD_MIN_CHARACTERS} characters with an upper-case letter, a lower-case letter, ` +
  `a digit and a special character, and at most ${PASSWORD_MAX_BYTES} bytes in UTF-8`;

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/**
 * SPEC §3 password rule. Adds at most one problem under `field` (the API's name for the
 * value: `password`, `new_password`) and returns whether the password is acceptable.
 */
export function checkPassword(password: unknown, field: string, problems: Problems): boolean {
  if (typeof password !== 'string' || password.length === 0) {
    problems.add(field, `is required; it ${PASSWORD_RULE}`);
    return false;
  }
  const bytes = utf8Length(password);
  if (bytes > PASSWORD_MAX_BYTES) {
    problems.add(
      field,
      `must be at most ${PASSWORD_MAX_BYTES} bytes in UTF-8 (this one is ${bytes} bytes; ` +
        'accented letters and emoji take 2 to 4 bytes each); it is never truncated',
    );
    return false;
  }
  if (!meetsComposition(password)) {
    problems.add(field, PASSWORD_RULE);
    return false;
  }
  return true;
}

/** Throws a ValidationError naming `field` when the password breaks the rule. */
export function assertValidPassword(password: unknown, field = 'password'): void {
  const problems = new Problems();
  checkPassword(password, field, problems);
  problems.throwIfAny();
}

function meetsComposition(password: string): boolean {
  return (
    [...password].length >= PASSWORD_MIN_CHARACTERS &&
    /\p{Lu}/u.test(password) &&
    /\p{Ll}/u.test(password) &&
    /\p{Nd}/u.test(password) &&
    // Anything that is neither a letter nor a digit: punctuation, symbols, spaces.
    /[^\p{L}\p{N}]/u.test(password)
  );
}
