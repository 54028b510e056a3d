// The baseline: a bare Koa app answering each scenario that has a baseline with its
// hand-written handler over a mysql2 pool. It runs as its own process, like the app, so
// neither shares an event loop with the load generator.
//
// Usage: DATABASE_URL=mysql://… PORT=… BENCH_USER_ID=… node test/bench/baseline-server.mjs
// BENCH_USER_ID is the customer whose orders GET /api/orders lists: the baseline does
// not authenticate (see baselines/orders.mjs).
import { pathToFileURL } from 'node:url';
import Koa from 'koa';
import mysql from 'mysql2/promise';
import { connectionOptions } from './lib/database.mjs';
import { SCENARIOS } from './scenarios.mjs';

// Ten connections: the same pool size as the app's MySQL adapter.
const POOL_SIZE = 10;

export function createBaselineApp(pool, context) {
  const routeOf = (method, path) => `${method} ${new URL(path, 'http://bench').pathname}`;
  const handlers = new Map(
    SCENARIOS.filter((scenario) => scenario.baseline).map((scenario) => [
      routeOf(scenario.method ?? 'GET', scenario.path),
      scenario.baseline,
    ]),
  );
  const app = new Koa();
  app.use(async (ctx) => {
    if (ctx.path === '/api/health') {
      ctx.body = { status: 'ok' };
      return;
    }
    const handler = handlers.get(routeOf(ctx.method, ctx.path));
    if (!handler) {
      ctx.status = 404;
      ctx.body = { error: 'no such scenario', code: 'not_found' };
      return;
    }
    const { status, body } = await handler(pool, new URL(ctx.href), context);
    ctx.status = status;
    ctx.body = body;
  });
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const userId = Number(process.env.BENCH_USER_ID);
  if (!Number.isInteger(userId) || userId < 1)
    throw new Error(`BENCH_USER_ID must be a user id, got "${process.env.BENCH_USER_ID}"`);
  const pool = mysql.createPool({ ...connectionOptions(process.env.DATABASE_URL), connectionLimit: POOL_SIZE });
  const server = createBaselineApp(pool, { userId }).listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void pool.end();
  });
}
