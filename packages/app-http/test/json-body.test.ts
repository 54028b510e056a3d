import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiState } from '../src/api-state.js';
import { jsonBody } from '../src/middleware/json-body.js';

// The raw bytes of a body are kept for the webhook paths only (their signature covers them).
describe('jsonBody: raw bytes', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const app = new Koa<ApiState>();
    app.use(jsonBody({ keepRawFor: ['/hook'] }));
    app.use((ctx) => {
      ctx.body = { raw: ctx.state.rawBody?.toString('utf8') ?? null, parsed: ctx.state.body ?? null };
    });
    const handle = app.callback();
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  const post = async (path: string, body: string) => {
    const response = await fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    return (await response.json()) as { raw: string | null; parsed: unknown };
  };

  it('keeps the exact bytes on the named path (with or without a trailing slash), parsed as well', async () => {
    const body = '{ "a" :1 }';
    expect(await post('/hook', body)).toEqual({ raw: body, parsed: { a: 1 } });
    expect((await post('/hook/', body)).raw).toBe(body);
  });

  it('keeps no raw bytes anywhere else', async () => {
    expect(await post('/other', '{"a":1}')).toEqual({ raw: null, parsed: { a: 1 } });
    expect((await post('/hook/deeper', '{"a":1}')).raw).toBeNull();
  });
});
