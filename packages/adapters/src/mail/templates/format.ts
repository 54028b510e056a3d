import { formatMoney, LocalDate } from '@giggatek/domain';

/**
 * The formatting every template uses, as `it.fmt`: money from integer cents (the domain's
 * formatMoney, never by hand), calendar dates as calendar dates, instants in the shop's
 * time zone. Data reaching these has passed its template's contract; they still throw on
 * a value they cannot format rather than print "NaN" or "Invalid Date".
 */
export interface Formatters {
  /** 123456 → "$1,234.56". */
  money(amount: unknown): string;
  /** "2026-03-01" → "March 1, 2026": a due date is the same day in every time zone. */
  date(value: unknown): string;
  /** "2026-03-01T09:30:00Z" → "March 1, 2026 at 3:30 AM CST" in the shop's time zone. */
  dateTime(value: unknown): string;
}

export function formattersFor(timeZone: string): Formatters {
  // A calendar date is formatted at its UTC midnight in UTC, so no zone can move it a day.
  const calendar = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'long' });
  // Throws RangeError at start-up for a time zone Intl does not know.
  const clock = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return {
    money: (amount) => {
      if (typeof amount !== 'number') throw new TypeError(`money expects integer cents, got ${typeof amount}`);
      return formatMoney(amount);
    },
    date: (value) => calendar.format(localDateOf(value).startInstant()),
    dateTime: (value) => clock.format(instantOf(value)),
  };
}

function localDateOf(value: unknown): LocalDate {
  if (value instanceof LocalDate) return value;
  if (typeof value === 'string') return LocalDate.parse(value);
  throw new TypeError(`date expects YYYY-MM-DD, got ${typeof value}`);
}

function instantOf(value: unknown): Date {
  const instant = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) throw new TypeError('dateTime expects an ISO 8601 date-time');
  return instant;
}
