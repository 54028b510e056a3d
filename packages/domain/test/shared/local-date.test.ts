import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysInMonth, isLeapYear, LocalDate } from '../../src/shared/local-date.js';
import { DomainError } from '../../src/shared/errors.js';

const anyDate = fc
  .record({
    year: fc.integer({ min: 1, max: 9998 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => LocalDate.of(year, month, Math.min(day, daysInMonth(year, month))));
const months = fc.integer({ min: -240, max: 240 });
const modernDate = anyDate.filter((d) => d.year >= 100 && d.year <= 9000);

describe('LocalDate parse and format', () => {
  it('round-trips every valid date through its text', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const text = date.toString();
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(LocalDate.parse(text).equals(date)).toBe(true);
        expect(JSON.stringify({ due: date })).toBe(`{"due":"${text}"}`);
      }),
    );
  });

  it('refuses impossible or badly written dates', () => {
    for (const text of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '0000-01-01',
      '2026-1-01',
      '2026-01-01T00:00',
      ' 2026-01-01',
    ]) {
      expect(() => LocalDate.parse(text), text).toThrow(DomainError);
    }
    expect(LocalDate.parse('2024-02-29').toString()).toBe('2024-02-29');
  });

  it('maps to and from instants at midnight UTC, also for years before 100', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const start = date.startInstant();
        expect(start.getUTCHours()).toBe(0);
        expect(LocalDate.fromInstant(start).equals(date)).toBe(true);
        expect(LocalDate.fromInstant(new Date(start.getTime() + 86_399_999)).equals(date)).toBe(true);
      }),
    );
    expect(LocalDate.parse('0050-03-01').startInstant().toISOString()).toBe('0050-03-01T00:00:00.000Z');
    expect(LocalDate.parse('0050-03-01').addDays(-1).toString()).toBe('0050-02-28');
  });

  it('refuses an invalid Date instead of producing NaN fields', () => {
    expect(() => LocalDate.fromInstant(new Date(Number.NaN))).toThrow(DomainError);
  });
});

describe('LocalDate.addMonths', () => {
  it('clamps the day to the end of a shorter month', () => {
    expect(LocalDate.parse('2026-01-31').addMonths(1).toString()).toBe('2026-02-28');
    expect(LocalDate.parse('2024-01-31').addMonths(1).toString()).toBe('2024-02-29');
    expect(LocalDate.parse('2026-03-31').addMonths(1).toString()).toBe('2026-04-30');
    expect(LocalDate.parse('2026-01-31').addMonths(-2).toString()).toBe('2025-11-30');
    expect(LocalDate.parse('2025-12-15').addMonths(1).toString()).toBe('2026-01-15');
    expect(LocalDate.parse('2000-02-29').addMonths(12).toString()).toBe('2001-02-28');
  });

  it('lands in the calendar month exactly n months away, on the same day or its month end', () => {
    fc.assert(
      fc.property(modernDate, months, (date, n) => {
        const moved = date.addMonths(n);
        expect(moved.year * 12 + moved.month - (date.year * 12 + date.month)).toBe(n);
        expect(moved.day).toBe(Math.min(date.day, daysInMonth(moved.year, moved.month)));
      }),
    );
  });

  it('addMonths(a).addMonths(b) stays in the month of addMonths(a + b), never after its day', () => {
    fc.assert(
      fc.property(modernDate, months, months, (date, a, b) => {
        const stepwise = date.addMonths(a).addMonths(b);
        const direct = date.addMonths(a + b);
        expect([stepwise.year, stepwise.month]).toEqual([direct.year, direct.month]);
        expect(stepwise.day).toBeLessThanOrEqual(direct.day);
      }),
    );
  });

  it('is undone by the opposite shift when the day exists in both months', () => {
    fc.assert(
      fc.property(
        modernDate.filter((d) => d.day <= 28),
        months,
        (date, n) => {
          expect(date.addMonths(n).addMonths(-n).equals(date)).toBe(true);
        },
      ),
    );
  });

  it('refuses fractional months', () => {
    expect(() => LocalDate.parse('2026-01-31').addMonths(1.5)).toThrow(DomainError);
  });
});

describe('LocalDate days and comparison', () => {
  it('addDays agrees with instants and orders dates', () => {
    fc.assert(
      fc.property(modernDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        const moved = date.addDays(n);
        expect(moved.startInstant().getTime() - date.startInstant().getTime()).toBe(n * 86_400_000);
        expect(Math.sign(moved.compare(date))).toBe(Math.sign(n));
        expect(moved.isAfter(date)).toBe(n > 0);
        expect(moved.isBefore(date)).toBe(n < 0);
      }),
    );
  });

  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2024, 2026].map(isLeapYear)).toEqual([false, true, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
});
