import { expect } from 'vitest';
import type { TestResponse } from './test-server.js';

/**
 * Asserts the one error envelope of SPEC §9: status, stable code, a message, and the
 * request id of the X-Request-Id header.
 */
export function expectError(response: TestResponse, status: number, code?: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(typeof response.body?.error, 'error message').toBe('string');
  expect(response.body.error.length).toBeGreaterThan(0);
  expect(typeof response.body.code).toBe('string');
  if (code !== undefined) expect(response.body.code).toBe(code);
  expect(response.body.request_id).toBe(response.headers.get('x-request-id'));
}

/** The fields named by a validation error's details. */
export function detailFields(response: TestResponse): string[] {
  return ((response.body?.details ?? []) as { field: string }[]).map((d) => d.field);
}
