import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { ApiState } from '../api-state.js';

/** One structured line per request, with the request id; never bodies or headers with secrets. */
export function accessLog(logger: Logger): Middleware<ApiState> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    ctx.state.log = logger.child({ request_id: ctx.state.requestId });
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      ctx.state.log.info(
        { method: ctx.method, path: ctx.path, status: ctx.status, duration_ms: Math.round(ms * 10) / 10, ip: ctx.ip },
        'request',
      );
    }
  };
}
