import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';

export const errorEnvelope: JsonSchema = {
  type: 'object',
  required: ['error', 'code', 'request_id'],
  properties: {
    error: { type: 'string', description: 'Human-readable message; names the bad field for validation errors.' },
    code: { type: 'string', description: 'Stable snake_case code.' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    request_id: { type: 'string' },
  },
};

export const pagination: JsonSchema = {
  type: 'object',
  required: ['page', 'per_page', 'total', 'total_pages'],
  properties: {
    page: { type: 'integer' },
    per_page: { type: 'integer' },
    total: { type: 'integer' },
    total_pages: { type: 'integer' },
  },
};

/** `page` and `per_page` of every list endpoint (SPEC §9). */
export const pageQuery = {
  page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
  per_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
} as const;

export const message: JsonSchema = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } },
};

export function listOf(key: string, item: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: [key, 'pagination'],
    properties: { [key]: { type: 'array', items: item }, pagination },
  };
}

export function wrapped(key: string, item: JsonSchema): JsonSchema {
  return { type: 'object', required: [key], properties: { [key]: item } };
}

/** Trimmed text fields: a string with at least one non-space character. */
export function text(maxLength: number, minLength = 1): JsonSchema {
  return { type: 'string', minLength, maxLength };
}

export function nullableText(maxLength: number): JsonSchema {
  return { type: ['string', 'null'], maxLength };
}
