import type { Middleware } from 'koa';
import helmet from 'koa-helmet';

/**
 * nosniff, frame deny, no referrer leaks; Koa sends no X-Powered-By. HSTS only when the shop
 * is served over https (PUBLIC_URL): over plain http it would be ignored at best, and a
 * development host on https elsewhere would be pinned to https for a year.
 */
export function securityHeaders(options: { hsts: boolean }): Middleware {
  return helmet({
    strictTransportSecurity: options.hsts,
    frameguard: { action: 'deny' },
    // The JSON API serves no HTML; the admin sets its own CSP for its pages.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
}
