import { ValidationError, type FieldProblem } from '@giggatek/domain';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/** A JSON Schema (draft 2020-12 subset that ajv and OpenAPI 3.1 share). */
export type JsonSchema = { [keyword: string]: unknown };

// ajv-formats is CommonJS: under ESM its plugin is the `default` property of the module.
const addFormats = ajvFormats.default;

/**
 * Bodies: unknown fields are accepted and dropped, never applied (SPEC §9). The schemas (also
 * published in /api/openapi.json) leave objects open; `closed` shuts each object that lists
 * its properties before compiling, so removeAdditional strips everything else.
 */
const bodyAjv = new Ajv({ allErrors: true, removeAdditional: true, useDefaults: true, strict: false });
/** Query strings arrive as text: coerce to the schema's types, and repeated keys to arrays. */
const queryAjv = new Ajv({
  allErrors: true,
  removeAdditional: true,
  useDefaults: true,
  coerceTypes: 'array',
  strict: false,
});
addFormats(bodyAjv);
addFormats(queryAjv);

const compiledFor = new Map<Ajv, WeakMap<JsonSchema, ValidateFunction>>([
  [bodyAjv, new WeakMap()],
  [queryAjv, new WeakMap()],
]);

/** Compiles a schema once per ajv instance (bodies and queries are coerced differently). */
function compile(ajv: Ajv, schema: JsonSchema): ValidateFunction {
  const cache = compiledFor.get(ajv) as WeakMap<JsonSchema, ValidateFunction>;
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv.compile(closed(schema));
    cache.set(schema, fn);
  }
  return fn;
}

export function validateBody<T>(schema: JsonSchema, data: unknown): T {
  return run<T>(compile(bodyAjv, schema), data === undefined ? {} : data);
}

/**
 * Validates a copy of the query (ajv coerces and strips in place). Integers must be written in
 * plain decimal digits first: ajv's coercion goes through Number(), which also reads `0x10`,
 * `0b10`, `1e1`, ` 5` and `5.0`.
 */
export function validateQuery<T>(schema: JsonSchema, query: Record<string, unknown>): T {
  const problems = nonDecimalIntegers(schema, query);
  if (problems.length > 0) throw new ValidationError(problems);
  return run<T>(compile(queryAjv, schema), { ...query });
}

const DECIMAL_DIGITS = /^[0-9]{1,15}$/;

function nonDecimalIntegers(schema: JsonSchema, query: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const value = query[name];
    const integerItems = property.type === 'array' && (property.items as JsonSchema | undefined)?.type === 'integer';
    if (value === undefined || (property.type !== 'integer' && !integerItems)) continue;
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    if (values.some((one) => typeof one !== 'string' || !DECIMAL_DIGITS.test(one))) {
      problems.push({ field: name, message: 'must be a whole number written in decimal digits (at most 15)' });
    }
  }
  return problems;
}

/**
 * A copy of the schema in which every object that lists `properties` and says nothing of
 * others gets `additionalProperties: false` (objects used as maps keep their own rule).
 */
function closed(schema: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...schema };
  if (isSchema(copy.properties)) {
    copy.properties = Object.fromEntries(
      Object.entries(copy.properties).map(([name, sub]) => [name, isSchema(sub) ? closed(sub) : sub]),
    );
    if (copy.additionalProperties === undefined) copy.additionalProperties = false;
  }
  if (isSchema(copy.items)) copy.items = closed(copy.items);
  if (isSchema(copy.additionalProperties)) copy.additionalProperties = closed(copy.additionalProperties);
  return copy;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function run<T>(fn: ValidateFunction, data: unknown): T {
  if (fn(data)) return data as T;
  throw new ValidationError(toProblems(fn.errors ?? []));
}

function toProblems(errors: ErrorObject[]): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const problem = describe(error);
    const key = `${problem.field}|${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function describe(error: ErrorObject): FieldProblem {
  const path = pointerToField(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: join(path, String(params.missingProperty)), message: 'is required' };
    case 'type':
      return { field: path || 'body', message: `must be ${article(String(params.type))}` };
    case 'enum':
      return { field: path, message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'minLength':
      return {
        field: path,
        message: params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters`,
      };
    case 'maxLength':
      return { field: path, message: `must be at most ${String(params.limit)} characters` };
    case 'minimum':
      return { field: path, message: `must be at least ${String(params.limit)}` };
    case 'exclusiveMinimum':
      return { field: path, message: `must be greater than ${String(params.limit)}` };
    case 'maximum':
      return { field: path, message: `must be at most ${String(params.limit)}` };
    case 'minItems':
      return { field: path, message: `must have at least ${String(params.limit)} item(s)` };
    case 'maxItems':
      return { field: path, message: `must have at most ${String(params.limit)} items` };
    case 'uniqueItems':
      return { field: path, message: 'must not contain duplicates' };
    case 'format':
      return { field: path, message: `must be a valid ${String(params.format)}` };
    case 'pattern':
      return { field: path, message: 'has an invalid format' };
    default:
      return { field: path || 'body', message: error.message ?? 'is invalid' };
  }
}

/** `/items/0/quantity` → `items[0].quantity` */
function pointerToField(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function join(base: string, name: string): string {
  return base ? `${base}.${name}` : name;
}

function article(type: string): string {
  return type === 'integer' || type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
}
