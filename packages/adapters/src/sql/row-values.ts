import { LocalDate } from '@giggatek/domain';

/**
 * Reading column values the same way on both engines: MySQL returns DATETIME as a
 * Date and booleans as 0/1; SQLite returns timestamps as epoch milliseconds.
 */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return new Date(value.getTime());
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'bigint') return new Date(Number(value));
  if (typeof value === 'string') {
    // A bare number (SQLite text affinity) or an ISO/SQL datetime written as UTC.
    if (/^\d+$/.test(value)) return new Date(Number(value));
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
  }
  throw new TypeError(`not a timestamp: ${String(value)}`);
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/**
 * A DATE column (DbDate): `YYYY-MM-DD` text on both engines. A Date here would mean the
 * MySQL driver's dateStrings setting was lost, and reading it would pick a time zone.
 */
export function toLocalDateOrNull(value: unknown): LocalDate | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return LocalDate.parse(value);
  throw new TypeError(
    `a DATE column read back as ${value instanceof Date ? 'a Date' : typeof value}, not YYYY-MM-DD text`,
  );
}

export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 1n;
}

export function toNumber(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new TypeError(`not a number: ${String(value)}`);
  return n;
}

export function toStringOrNull(value: unknown): string | null {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- text columns hold strings (String() pins the type)
  return value === null || value === undefined ? null : String(value);
}

/** `%text%` for LIKE … ESCAPE '!', so `%`, `_` and `!` in the text match literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

export const LIKE_ESCAPE = "ESCAPE '!'";

/** The unique-key violation of either engine, raw or wrapped (nativeError, cause). */
export function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; errno?: unknown; nativeError?: unknown; cause?: unknown };
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
    if (e.code === 'ER_DUP_ENTRY' || e.errno === 1062) return true;
    current = e.nativeError ?? e.cause;
  }
  return false;
}

/**
 * A foreign-key violation of either engine, raw or wrapped: a row deleted
 * while another refers to it (MySQL 1451) or referring to a missing one (1452).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; errno?: unknown; nativeError?: unknown; cause?: unknown };
    if (e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true;
    if (e.errno === 1451 || e.errno === 1452) return true;
    current = e.nativeError ?? e.cause;
  }
  return false;
}
