import { HttpError } from '../http-error.js';
import type { ApiContext } from '../api-router.js';

/** The token of an `Authorization: Bearer …` header, or null when there is none. */
export function bearerToken(ctx: ApiContext): string | null {
  const header = ctx.get('Authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new HttpError(401, 'invalid_token', 'the Authorization header must be "Bearer <access token>"', {
      'WWW-Authenticate': 'Bearer error="invalid_request"',
    });
  }
  return match[1];
}

export function requireBearerToken(ctx: ApiContext): string {
  const token = bearerToken(ctx);
  if (!token) {
    throw new HttpError(401, 'missing_token', 'an access token is required (Authorization: Bearer <token>)', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  return token;
}
