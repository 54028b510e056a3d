import { describe, expect, it } from 'vitest';
import { optionalText, Problems, requiredText, textProblem, ValidationError } from '../../src/index.js';

describe('text rules', () => {
  it.each([
    ['NUL', 'Ada\u0000'],
    ['a bell', 'a\u0007b'],
    ['ESC', '\u001b[31m'],
    ['DEL', 'x\u007f'],
    ['a C1 control', 'x\u0085'],
    ['a line feed', 'a\nb'],
    ['a tab', 'a\tb'],
    ['a carriage return', 'a\rb'],
  ])('a name refuses %s', (_, text) => {
    expect(textProblem(text)).toMatch(/control characters/);
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'refuses the bidi control U+%s',
    (bidi) => {
      expect(textProblem(`invoice${bidi}fdp.exe`)).toMatch(/bidirectional/);
      expect(textProblem(`invoice${bidi}`, 'multiline')).toMatch(/bidirectional/);
    },
  );

  it('free text keeps line feeds and tabs, and nothing else invisible', () => {
    expect(textProblem('line one\nline two\tindented', 'multiline')).toBeNull();
    expect(textProblem('a\r\nb', 'multiline')).toMatch(/control characters/);
    expect(textProblem('a\u0000b', 'multiline')).toMatch(/control characters/);
  });

  it('accepts every script, marks and emoji', () => {
    for (const text of ['Zoë 😀 王小明', '東京都 1-2-3', 'שלום', 'مرحبا\u200F', 'Łódź', 'e\u0301', 'Привет']) {
      expect(textProblem(text), text).toBeNull();
    }
  });

  it('requiredText and optionalText report the problem under the field', () => {
    const problems = new Problems();
    expect(requiredText('Eve\u202Egnp', 'recipient_name', 100, problems)).toBeNull();
    expect(optionalText('ok\nthen', 'notes', 100, problems, 'multiline')).toBe('ok\nthen');
    expect(optionalText(' \u0000 ', 'line2', 100, problems)).toBeNull();
    expect(() => problems.throwIfAny()).toThrow(ValidationError);
    try {
      problems.throwIfAny();
    } catch (error) {
      expect((error as ValidationError).details?.map((detail) => detail.field)).toEqual(['recipient_name', 'line2']);
    }
  });
});
