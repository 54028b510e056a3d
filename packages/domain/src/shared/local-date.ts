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
    return new LocalDate(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
  }

  /** Calendar-month arithmetic; the day is clamped to the target month's end (Jan 31 + 1 → Feb 28/29). */
  addMonths(months: number): LocalDate {
    const index = this.year * 12 + (this.month - 1) + months;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return LocalDate.of(year, month, Math.min(this.day, daysInMonth(year, month)));
  }

  addDays(days: number): LocalDate {
    const t = Date.UTC(this.year, this.month - 1, this.day) + days * 86_400_000;
    return LocalDate.fromInstant(new Date(t));
  }

  /** Midnight UTC at the start of this date. */
  startInstant(): Date {
    return new Date(Date.UTC(this.year, this.month - 1, this.day));
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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function invalid(text: string): DomainError {
  return new DomainError('validation_failed', `invalid date: ${text} (expected YYYY-MM-DD)`);
}
