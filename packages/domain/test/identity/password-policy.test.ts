import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertValidPassword, PASSWORD_MAX_BYTES, utf8Length } from '../../src/identity/password-policy.js';
import { ValidationError } from '../../src/shared/errors.js';

function problemOf(password: unknown, field?: string): { field: string; message: string } | null {
  try {
    assertValidPassword(password, field);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const details = (error as ValidationError).details ?? [];
    expect(details).toHaveLength(1);
    return details[0] ?? null;
  }
}

describe('password policy (SPEC §3)', () => {
  it('accepts 8+ characters with upper, lower, digit and special', () => {
    expect(problemOf('Abcdef1!')).toBeNull();
    expect(problemOf('Ünïcødé-Pässwörd9')).toBeNull();
  });

  it('names each missing ingredient by stating the rule', () => {
    for (const weak of ['Abcde1!', 'abcdefg1!', 'ABCDEFG1!', 'Abcdefgh!', 'Abcdefgh1', '']) {
      const problem = problemOf(weak);
      expect(problem?.field, weak).toBe('password');
      expect(problem?.message).toMatch(/upper-case.*lower-case.*digit.*special/);
    }
  });

  it('reports under the field it is given', () => {
    expect(problemOf('short', 'new_password')?.field).toBe('new_password');
  });

  it('counts the 72-byte limit in UTF-8 bytes, not characters', () => {
    const base = 'Aa1!'; // 4 bytes
    const exactly72 = base + 'é'.repeat(34); // 4 + 68
    const bytes73 = base + 'x' + 'é'.repeat(34);
    expect(utf8Length(exactly72)).toBe(72);
    expect(utf8Length(bytes73)).toBe(73);
    expect(problemOf(exactly72)).toBeNull();
    const problem = problemOf(bytes73);
    expect(problem?.field).toBe('password');
    expect(problem?.message).toMatch(/at most 72 bytes/);
    expect(problem?.message).toMatch(/never truncated/);
    // 19 four-byte emoji are 19 "characters" but 76 bytes.
    expect(problemOf('Aa1!' + '😀'.repeat(17))).toBeNull(); // 4 + 68 = 72
    expect(problemOf('Aa1!' + '😀'.repeat(18))?.message).toMatch(/72 bytes/);
  });

  it('accepts or refuses exactly by byte length, whatever the characters', () => {
    const filler = fc.constantFrom('a', 'é', '€', '😀');
    fc.assert(
      fc.property(fc.array(filler, { minLength: 4, maxLength: 40 }), (chars) => {
        const password = 'Aa1!' + chars.join('');
        const accepted = problemOf(password) === null;
        expect(accepted).toBe(utf8Length(password) <= PASSWORD_MAX_BYTES);
      }),
    );
  });

  it('refuses a non-string', () => {
    expect(problemOf(12345678)?.message).toMatch(/required/);
  });
});
