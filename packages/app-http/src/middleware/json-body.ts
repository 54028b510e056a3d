import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import type { ApiState } from '../api-state.js';
import { HttpError } from '../http-error.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON request body: 415 for another content type, 413 over the limit, 400 for
 * malformed JSON. The raw bytes stay on ctx.state.rawBody only for the paths in
 * `keepRawFor` (webhooks, whose signature covers the exact bytes), so no other handler
 * can come to depend on them.
 */
export function jsonBody(options: { limitBytes?: number; keepRawFor?: readonly string[] } = {}): Middleware<ApiState> {
  const limitBytes = options.limitBytes ?? MAX_BODY_BYTES;
  const keepRawFor = new Set(options.keepRawFor ?? []);
  return async (ctx, next) => {
    if (!hasBody(ctx.req.headers)) {
      await next();
      return;
    }
    // Only application/json (any charset parameter): a merge-patch or other +json body has other
    // semantics than the plain replacement the routes apply, so it is refused rather than misread.
    if (!ctx.is('application/json')) {
      throw new HttpError(415, 'unsupported_media_type', 'request body must be JSON (Content-Type: application/json)');
    }
    let raw: Buffer;
    try {
      raw = await getRawBody(ctx.req, { limit: limitBytes, length: ctx.get('Content-Length') || undefined });
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        throw new HttpError(413, 'payload_too_large', `request body is larger than ${limitBytes} bytes`);
      }
      throw new HttpError(400, 'invalid_body', 'request body could not be read');
    }
    // The router matches /path and /path/ alike: so does this.
    if (keepRawFor.has(ctx.path.replace(/\/+$/, ''))) ctx.state.rawBody = raw;
    if (raw.length > 0) {
      try {
        ctx.state.body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        throw new HttpError(400, 'invalid_json', 'request body is not valid JSON');
      }
    }
    await next();
  };
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  if (headers['transfer-encoding'] !== undefined) return true;
  return length !== undefined && length !== '0';
}
