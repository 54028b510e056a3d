import type { Router } from '@koa/router';
import type { Middleware } from 'koa';
import type { ApiState } from '../api-state.js';
import { HttpError } from '../http-error.js';

interface MatchedLayer {
  methods: string[];
}

/**
 * What the router did not answer, by method (after the routes ran): a path that exists
 * answers 405 with an `Allow` listing its methods (OPTIONS: 204 with `Allow`); a path that
 * does not is a 404, or 501 for a method no route implements (TRACE, PROPFIND…). Always
 * the JSON envelope, where @koa/router's allowedMethods would answer text/plain.
 */
export function methodNotAllowed(router: Router<ApiState>): Middleware<ApiState> {
  const implemented = new Set(router.methods);
  return async (ctx, next) => {
    await next();
    if (ctx.status !== 404 || ctx.body !== undefined) return;
    const matched = ((ctx as { matched?: MatchedLayer[] }).matched ?? []).flatMap((layer) => layer.methods);
    const allowed = [...new Set(matched)];
    if (allowed.length === 0) {
      if (!implemented.has(ctx.method)) throw new HttpError(501, 'not_implemented', `${ctx.method} is not implemented`);
      return; // the error envelope answers 404
    }
    if (ctx.method === 'OPTIONS') {
      ctx.set('Allow', allowed.join(', '));
      ctx.status = 204;
      return;
    }
    throw new HttpError(405, 'method_not_allowed', `${ctx.method} is not allowed on ${ctx.path}`, {
      Allow: allowed.join(', '),
    });
  };
}
