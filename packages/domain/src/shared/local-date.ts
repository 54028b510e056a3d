import { DomainError } from './errors.js';

/**
 * A calendar date without time (UTC), e.g. a due date. Immutable; compares and
 * serialises as `YYYY-MM-DD`.
 */
export class LocalDate {
  private constructor(
    readonly year: number,
    readonly month: number, // 1-12
    readonly day: number, // 1-31
  ) {}

  static of(year: number, month: number, day: number): LocalDate {
    if (!Number.isInteger(year) || year < 1 || year > 9999) throw invalid(`${year}-${month}-${day}`);
    if (!Number.isInteger(month) || month < 1 || month > 12) throw invalid(`${year}-${month}-${day}`);
    if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) throw invalid(`${year}-${month}-${day}`);
    return new LocalDate(year, month, day);
  }

  static parse(text: string): LocalDate {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) throw invalid(text);
    return LocalDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  /** The UTC calendar date of an instant. */
  static fromInstant(instant: Date): LocalDate {
    // Through of(): an invalid Date (NaN) or a year outside 1-9999 is refused, not wrapped.
    return LocalDate.of(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
  }

  /** Calendar-month arithmetic; the day is clamped to the target month's end (Jan 31 + 1 → Feb 28/29). */
  addMonths(months: number): LocalDate {
    if (!Number.isSafeInteger(months))
      throw new DomainError('validation_failed', `months must be an integer, got ${months}`);
    const index = this.year * 12 + (this.month - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return LocalDate.of(year, month, Math.min(this.day, daysInMonth(year, month)));
  }

  addDays(days: number): LocalDate {
    if (!Number.isSafeInteger(days)) throw new DomainError('validation_failed', `days must be an integer, got ${days}`);
    return LocalDate.fromInstant(new Date(utcMidnight(this.year, this.month, this.day) + days * 86_400_000));
  }

  /** Midnight UTC at the start of this date. */
  startInstant(): Date {
    return new Date(utcMidnight(this.year, this.month, this.day));
  }

  compare(other: LocalDate): number {
    return this.year - other.year || this.month - other.month || this.day - other.day;
  }

  isBefore(other: LocalDate): boolean {
    return this.compare(other) < 0;
  }

  isAfter(other: LocalDate): boolean {
    return this.compare(other) > 0;
  }

  equals(other: LocalDate): boolean {
    return this.compare(other) === 0;
  }

  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${pad(this.month)}-${pad(this.day)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? NaN;
}

/**
 * Epoch milliseconds of a date's midnight UTC. Not Date.UTC: it maps years 0-99 to
 * 1900-1999, so 0050-01-01 would become 1950-01-01.
 */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function invalid(text: string): DomainError {
  return new DomainError('validation_failed', `invalid date: ${text} (expected YYYY-MM-DD)`);
}
