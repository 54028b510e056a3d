import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';

/**
 * Double-submit CSRF protection for the account pages: the GET sets a random token in an
 * HttpOnly, SameSite=Strict cookie and the same value in the form; a POST must bring both.
 */
export const CSRF_COOKIE = 'account_csrf';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The visitor's current token, or a new one set in the cookie. */
export function issueCsrfToken(ctx: Context, secure: boolean): string {
  const current = ctx.cookies.get(CSRF_COOKIE);
  if (current && TOKEN_PATTERN.test(current)) return current;
  const token = randomBytes(32).toString('base64url');
  // Set by hand: koa's cookies refuse `Secure` when TLS ends at a proxy in front of us.
  // No Path: it defaults to the pages' folder, whatever prefix a proxy adds.
  const attributes = `HttpOnly; SameSite=Strict; Max-Age=3600${secure ? '; Secure' : ''}`;
  ctx.append('Set-Cookie', `${CSRF_COOKIE}=${token}; ${attributes}`);
  return token;
}

/** The cookie's token when the form field carries the same one (constant-time compare). */
export function matchingCsrfToken(ctx: Context, field: string | undefined): string | null {
  const cookie = ctx.cookies.get(CSRF_COOKIE);
  if (!cookie || !field || !TOKEN_PATTERN.test(cookie) || !TOKEN_PATTERN.test(field)) return null;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(field)) ? cookie : null;
}

/**
 * A POST a browser marks as coming from another site. `Origin: null` passes: with
 * Referrer-Policy: no-referrer a browser sends it even for our own form; the token and
 * the SameSite=Strict cookie still have to match.
 */
export function isCrossSite(ctx: Context, allowedOrigins: readonly string[]): boolean {
  const site = ctx.get('Sec-Fetch-Site');
  if (site !== '' && site !== 'same-origin' && site !== 'none') return true;
  const origin = ctx.get('Origin');
  return origin !== '' && origin !== 'null' && !allowedOrigins.includes(origin);
}
