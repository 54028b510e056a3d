import { LocalDate } from '@giggatek/domain';

/**
 * What one field of a template's data must be. The wire shapes of an outbox row (plain
 * JSON): ids are positive integers, amounts integer cents, calendar dates `YYYY-MM-DD`
 * (LocalDate objects pass too, they serialise so), instants ISO 8601 strings (or Dates).
 */
export type FieldKind =
  | 'text'
  | 'id'
  | 'count'
  | 'cents'
  | 'date'
  | 'instant'
  | 'url'
  | { oneOf: readonly (string | number)[] }
  | { list: Fields };

export type Fields = Readonly<Record<string, FieldKind>>;

/** A template's data contract: the fields it needs, the ones it shows when present, and rules across fields. */
export interface DataContract {
  required: Fields;
  optional?: Fields;
  /** Problems no single field shows (e.g. "order_id or rental_id"); [] when the data is fine. */
  check?: (data: Readonly<Record<string, unknown>>) => string[];
}

/** A template was asked to render data that breaks its contract: a bug in the caller, not in the mail. */
export class TemplateDataError extends Error {
  constructor(
    readonly template: string,
    readonly problems: readonly string[],
  ) {
    super(`email template ${template}: ${problems.join('; ')}`);
    this.name = 'TemplateDataError';
  }
}

/** Every way `data` breaks `contract` (field paths like `items[0].unit_price`); [] when it keeps it. */
export function contractProblems(contract: DataContract, data: Readonly<Record<string, unknown>>): string[] {
  const problems = fieldProblems(contract.required, contract.optional ?? {}, data, '');
  // Cross-field rules read the fields, so they only run on data whose fields are sound.
  return problems.length > 0 ? problems : (contract.check?.(data) ?? []);
}

/** Whether a value counts as given: null is JSON's "none" and a blank string says nothing either. */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/**
 * The data as templates see it: absent values (null, blank strings) removed, so a template's
 * `it.data.first_name ?? 'there'` covers every way of not having a name.
 */
export function presentData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => isPresent(value)));
}

function fieldProblems(
  required: Fields,
  optional: Fields,
  data: Readonly<Record<string, unknown>>,
  prefix: string,
): string[] {
  const problems: string[] = [];
  for (const [key, kind] of Object.entries(required)) {
    if (!isPresent(data[key])) problems.push(`${prefix}${key} is missing`);
    else problems.push(...valueProblems(kind, data[key], `${prefix}${key}`));
  }
  for (const [key, kind] of Object.entries(optional)) {
    if (isPresent(data[key])) problems.push(...valueProblems(kind, data[key], `${prefix}${key}`));
  }
  return problems;
}

function valueProblems(kind: FieldKind, value: unknown, path: string): string[] {
  if (typeof kind === 'object') {
    if ('oneOf' in kind) {
      return kind.oneOf.includes(value as string | number) ? [] : [`${path} must be one of ${kind.oneOf.join(', ')}`];
    }
    if (!Array.isArray(value)) return [`${path} must be a list`];
    return value.flatMap((item: unknown, index) =>
      isRecord(item)
        ? fieldProblems(kind.list, {}, item, `${path}[${index}].`)
        : [`${path}[${index}] must be an object`],
    );
  }
  return KIND_CHECKS[kind](value) ? [] : [`${path} must be ${KIND_NAMES[kind]}`];
}

const KIND_CHECKS: Record<Exclude<FieldKind, object>, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string' && value.trim() !== '',
  id: (value) => Number.isSafeInteger(value) && (value as number) > 0,
  count: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  cents: (value) => Number.isSafeInteger(value),
  date: (value) => value instanceof LocalDate || (typeof value === 'string' && isCalendarDate(value)),
  instant: (value) =>
    value instanceof Date ? !Number.isNaN(value.getTime()) : typeof value === 'string' && isIsoInstant(value),
  // Only web links: a javascript: or data: URL in an href would run or mislead.
  url: (value) => typeof value === 'string' && /^https?:\/\/[^\s"'<>]+$/i.test(value),
};

const KIND_NAMES: Record<Exclude<FieldKind, object>, string> = {
  text: 'a non-empty string',
  id: 'a positive integer id',
  count: 'a non-negative integer',
  cents: 'an integer number of cents',
  date: 'a calendar date YYYY-MM-DD',
  instant: 'an ISO 8601 date-time',
  url: 'an http(s) URL',
};

function isCalendarDate(text: string): boolean {
  try {
    LocalDate.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A full ISO 8601 date-time with its offset (what `toISOString()` and MySQL-read instants give). */
function isIsoInstant(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) &&
    !Number.isNaN(Date.parse(text))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `check` rule: exactly one of the keys is given (an email about an order or a rental). */
export function exactlyOneOf(...keys: string[]): (data: Readonly<Record<string, unknown>>) => string[] {
  return (data) =>
    keys.filter((key) => isPresent(data[key])).length === 1 ? [] : [`exactly one of ${keys.join(', ')} is needed`];
}
