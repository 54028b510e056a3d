import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { STRONG_PASSWORD, uniqueEmail } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// SPEC §11 / issue: structured JSON logs with the request id, and no secrets in them.
describe('request logs', () => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    server = await startTestServer('sqlite', { logger: createLogger('info', sink) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('writes one JSON line per request with its request id, and never a password or token', async () => {
    const email = uniqueEmail('logged');
    const registered = await server.request('POST', '/api/auth/register', {
      body: { email, password: STRONG_PASSWORD, first_name: 'Log', last_name: 'Ged' },
      headers: { 'X-Request-Id': 'req-log-1' },
    });
    expect(registered.status).toBe(201);
    const me = await server.request('GET', '/api/auth/me', {
      token: registered.body.token,
      headers: { 'X-Request-Id': 'req-log-2' },
    });
    expect(me.status).toBe(200);
    await server.request('POST', '/api/auth/refresh-token', { body: { refresh_token: registered.body.refresh_token } });

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((e) => e.request_id === 'req-log-1')).toMatchObject({
      method: 'POST',
      path: '/api/auth/register',
      status: 201,
      level: 'info',
    });
    expect(entries.find((e) => e.request_id === 'req-log-2')).toMatchObject({
      method: 'GET',
      path: '/api/auth/me',
      status: 200,
    });
    const everything = lines.join('\n');
    for (const secret of [STRONG_PASSWORD, registered.body.token, registered.body.refresh_token]) {
      expect(everything).not.toContain(secret);
    }
  });
});
