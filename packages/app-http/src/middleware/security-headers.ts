import type { Middleware } from 'koa';
import helmet from 'koa-helmet';

/** nosniff, frame deny, no referrer leaks, HSTS; Koa sends no X-Powered-By. */
export function securityHeaders(): Middleware {
  return helmet({
    frameguard: { action: 'deny' },
    // The JSON API serves no HTML; the admin sets its own CSP for its pages.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  }) as Middleware;
}
