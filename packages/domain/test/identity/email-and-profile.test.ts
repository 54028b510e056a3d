import { describe, expect, it } from 'vitest';
import { checkEmail, normalizeEmail } from '../../src/identity/email.js';
import { assertValidProfilePatch, checkProfile } from '../../src/identity/profile-rules.js';
import { Problems, type ValidationError } from '../../src/shared/errors.js';

function emailResult(email: unknown): { value: string | null; problems: ValidationError | null } {
  const problems = new Problems();
  const value = checkEmail(email, problems);
  try {
    problems.throwIfAny();
    return { value, problems: null };
  } catch (error) {
    return { value, problems: error as ValidationError };
  }
}

describe('email', () => {
  it('normalizes by trimming and lower-casing', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(emailResult(' Ada@Example.com').value).toBe('ada@example.com');
  });

  it('refuses malformed addresses under the email field', () => {
    for (const bad of ['', 'ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 'ada@@example.com', 42]) {
      const { problems } = emailResult(bad);
      expect(problems?.details?.[0]?.field, String(bad)).toBe('email');
    }
  });

  it('allows 254 characters and refuses 255', () => {
    const local64 = 'a'.repeat(64);
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(57)}.com`;
    const exactly254 = `${local64}@${domain}`;
    expect(exactly254.length).toBe(254);
    expect(emailResult(exactly254).problems).toBeNull();
    expect(emailResult(`${local64}@x${domain}`).problems?.message).toMatch(/email: must be at most 254/);
  });
});

describe('profile fields', () => {
  it('trims names and requires 1-100 characters', () => {
    const problems = new Problems();
    expect(checkProfile({ firstName: '  Ada ', lastName: 'Lovelace', phone: undefined }, problems)).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: null,
    });
    expect(problems.isEmpty).toBe(true);
    expect(() => assertValidProfilePatch({ firstName: '   ' })).toThrow(/firstName: is required/);
    expect(() => assertValidProfilePatch({ lastName: 'x'.repeat(101) })).toThrow(/lastName: must be at most 100/);
    expect(assertValidProfilePatch({ lastName: 'x'.repeat(100) }).lastName).toHaveLength(100);
  });

  it('accepts phones of digits, spaces and + - ( ) . up to 30 characters', () => {
    expect(assertValidProfilePatch({ phone: ' +1 (555) 010-0199 ' }).phone).toBe('+1 (555) 010-0199');
    expect(assertValidProfilePatch({ phone: '1'.repeat(30) }).phone).toHaveLength(30);
    expect(() => assertValidProfilePatch({ phone: '1'.repeat(31) })).toThrow(/phone: must be at most 30/);
    expect(() => assertValidProfilePatch({ phone: '555-CALL-NOW' })).toThrow(/phone: may contain only/);
    expect(assertValidProfilePatch({ phone: '' }).phone).toBeNull();
    expect(assertValidProfilePatch({ phone: null }).phone).toBeNull();
  });

  it('leaves out fields that were not given', () => {
    expect(assertValidProfilePatch({ lastName: 'Byron' })).toEqual({ lastName: 'Byron' });
  });
});
