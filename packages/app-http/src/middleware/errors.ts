import { DomainError } from '@giggatek/domain';
import type { Middleware } from 'koa';
import type { ApiState } from '../api-state.js';
import { STATUS_BY_CODE } from '../error-map.js';
import { HttpError } from '../http-error.js';
import { snakeKeysDeep, wireField } from '../presenters/case.js';

interface ErrorBody {
  error: string;
  code: string;
  details?: { field: string; message: string }[];
  request_id: string;
  [extra: string]: unknown;
}

/**
 * Renders every failure in the one envelope of SPEC §9. Unexpected errors are logged
 * with the request id and answered as a bare 500 that reveals no internals.
 */
export function errorEnvelope(): Middleware<ApiState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new HttpError(404, 'not_found', `no route for ${ctx.method} ${ctx.path}`);
      }
    } catch (error) {
      const { status, body, headers } = toResponse(error, ctx.state.requestId, ctx.state.errorFields);
      if (status >= 500) ctx.state.log.error({ err: error }, 'request failed');
      for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
      ctx.status = status;
      ctx.body = body;
    }
  };
}

/**
 * The status, envelope and headers a failure is answered with (also what idempotency
 * stores), with the route's `extraFields` (ctx.state.errorFields) added to the envelope.
 */
export function toResponse(
  error: unknown,
  requestId: string,
  extraFields: Record<string, unknown> = {},
): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const answer = envelopeOf(error, requestId);
  return { ...answer, body: { ...answer.body, ...extraFields } };
}

function envelopeOf(
  error: unknown,
  requestId: string,
): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    // The domain names its own fields (camelCase); the envelope speaks the API's snake_case.
    const details = error.details?.map((d) => ({ field: wireField(d.field), message: d.message }));
    const first = details?.[0];
    const meta = snakeKeysDeep(error.meta ?? {}) as Record<string, unknown>;
    const message = first ? `${first.field}: ${first.message}` : error.message;
    const body: ErrorBody = { error: message, code: error.code, request_id: requestId, ...meta };
    if (details) body.details = details;
    return { status: STATUS_BY_CODE[error.code], body, headers: {} };
  }
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: { error: error.message, code: error.code, request_id: requestId },
      headers: error.headers,
    };
  }
  if (isDatabaseBusy(error)) {
    return {
      status: 503,
      body: { error: 'the database is busy; try again shortly', code: 'database_busy', request_id: requestId },
      headers: { 'Retry-After': '1' },
    };
  }
  if (isDatabaseDown(error)) {
    return {
      status: 503,
      body: { error: 'the service is temporarily unavailable', code: 'service_unavailable', request_id: requestId },
      headers: { 'Retry-After': '5' },
    };
  }
  return {
    status: 500,
    body: { error: 'internal server error', code: 'internal_error', request_id: requestId },
    headers: {},
  };
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'PROTOCOL_CONNECTION_LOST',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'SQLITE_CANTOPEN',
]);

/**
 * SQLite stayed locked by another process (the adapters' DatabaseBusyError, code
 * database_busy, after their bounded wait), or any SQLITE_BUSY that reached the edge.
 */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'database_busy' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return true;
  return error instanceof Error && error.name === 'KnexTimeoutError';
}
