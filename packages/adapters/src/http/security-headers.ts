import helmet from 'koa-helmet';

/** Content-Security-Policy directives, helmet's way: `{ defaultSrc: ["'none'"], … }`. */
export type CspDirectives = Record<string, string[]>;

export interface SecurityHeaderOptions {
  /**
   * Strict-Transport-Security, only when the shop is served over https (PUBLIC_URL): over
   * plain http it would be ignored at best, and a development host on https elsewhere
   * would be pinned to https for a year.
   */
  hsts: boolean;
  /** Each app's own policy (the JSON API serves no HTML; pages allow their own styles). */
  contentSecurityPolicy: CspDirectives;
}

/**
 * The one helmet configuration of every Koa app we serve (API, admin, account pages):
 * nosniff, frames denied (also through frame-ancestors), no Referer leaks, HSTS as above,
 * and the app's own CSP. Koa sends no X-Powered-By.
 */
export function securityHeaders(options: SecurityHeaderOptions): ReturnType<typeof helmet> {
  return helmet({
    strictTransportSecurity: options.hsts,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { frameAncestors: ["'none'"], baseUri: ["'none'"], ...options.contentSecurityPolicy },
    },
  });
}

/** The shop is served over https: HSTS may be sent. */
export function isHttpsUrl(url: string): boolean {
  return new URL(url).protocol === 'https:';
}
