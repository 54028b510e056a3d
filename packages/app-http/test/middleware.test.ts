import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/expect-error.js';
import { userExists } from './support/stored.js';
import { ENGINES, SQL_ENGINES, startTestServer, type TestServer } from './support/test-server.js';

const ALLOWED_ORIGIN = 'https://shop.example';

describe.each(ENGINES)('middleware (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, { env: { CORS_ORIGINS: ALLOWED_ORIGIN } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A raw request, for bodies and headers the JSON helper would not send. */
  const raw = (method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string> } = {}) =>
    fetch(server.url + path, { method, headers: init.headers, body: init.body });

  describe('request id', () => {
    it('keeps a well-formed X-Request-Id and echoes it, also in error bodies', async () => {
      const response = await server.request('GET', '/api/nope', { headers: { 'X-Request-Id': 'client-trace.42' } });
      expect(response.headers.get('x-request-id')).toBe('client-trace.42');
      expect(response.body.request_id).toBe('client-trace.42');
    });

    it('generates one when none (or a malformed one) is given, different per request', async () => {
      const first = await server.request('GET', '/api/health');
      const second = await server.request('GET', '/api/health');
      expect(first.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._:-]{8,}$/);
      expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
      const injected = await server.request('GET', '/api/nope', {
        headers: { 'X-Request-Id': 'bad id\twith "quotes"' },
      });
      expect(injected.headers.get('x-request-id')).not.toContain('bad id');
      expect(injected.body.request_id).toBe(injected.headers.get('x-request-id'));
    });
  });

  describe('error envelope', () => {
    it('unknown routes are a 404 envelope', async () => {
      const response = await server.request('GET', '/api/no/such/route');
      expectError(response, 404, 'not_found');
      expect(Object.keys(response.body).sort()).toEqual(['code', 'error', 'request_id']);
    });

    it('a known path with the wrong method is a 405 envelope naming the allowed methods', async () => {
      const response = await server.request('DELETE', '/api/products');
      expectError(response, 405, 'method_not_allowed');
      expect(response.headers.get('allow')).toMatch(/GET.*POST|POST.*GET/);
    });

    it('malformed JSON is 400 invalid_json', async () => {
      const response = await raw('POST', '/api/auth/login', {
        body: '{"email": "a@b.c",',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body).toMatchObject({
        code: 'invalid_json',
        error: expect.any(String),
        request_id: response.headers.get('x-request-id'),
      });
    });

    it('a text/plain body is 415', async () => {
      const response = await raw('POST', '/api/auth/login', {
        body: 'email=a@b.c',
        headers: { 'Content-Type': 'text/plain' },
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({
        code: 'unsupported_media_type',
        request_id: response.headers.get('x-request-id'),
      });
    });

    it('a body over 1 MB is 413, and nothing is stored', async () => {
      const big = JSON.stringify({
        email: 'big@example.com',
        password: 'Str0ng!Passw0rd',
        first_name: 'x'.repeat(1024 * 1024),
        last_name: 'y',
      });
      const response = await raw('POST', '/api/auth/register', {
        body: big,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'payload_too_large', request_id: expect.any(String) });
      expect(await userExists(server, 'big@example.com')).toBe(false);
    });

    it('a JSON body that is not an object is a 400 envelope', async () => {
      const response = await server.request('POST', '/api/auth/login', { body: '[1,2]' });
      expectError(response, 400, 'validation_failed');
    });
  });

  describe('security headers', () => {
    it('sends nosniff and frame deny, and no X-Powered-By, on success and on errors', async () => {
      for (const path of ['/api/health', '/api/nope']) {
        const response = await server.request('GET', path);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
    });
  });

  describe('CORS', () => {
    it('echoes an allowed origin, with the rate-limit and request id headers exposed', async () => {
      const response = await server.request('GET', '/api/health', { headers: { Origin: ALLOWED_ORIGIN } });
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/i);
      // A browser client must be able to tell a replayed answer from a new one.
      expect(response.headers.get('access-control-expose-headers')).toMatch(/Idempotent-Replayed/i);
      const preflight = await raw('OPTIONS', '/api/auth/login', {
        headers: {
          Origin: ALLOWED_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,authorization',
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    });

    it('gives other origins no Access-Control-Allow-Origin', async () => {
      const response = await server.request('GET', '/api/health', { headers: { Origin: 'https://evil.example' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await raw('OPTIONS', '/api/auth/login', {
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('health', () => {
    it('answers ok with the database and version', async () => {
      const response = await server.request('GET', '/api/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', db: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    });
  });
});

// SQL only: it closes the connection pool under the running server.
describe.each(SQL_ENGINES)('health when the SQL database is gone (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop().catch(() => {});
  });

  it('answers 503 with db unreachable, and other database routes 503 without internals', async () => {
    expect((await server.request('GET', '/api/health')).status).toBe(200);
    await server.db.destroy();
    const response = await server.request('GET', '/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'degraded', db: 'unreachable', version: expect.any(String) });
    const products = await server.request('GET', '/api/products');
    expect(products.status).toBeGreaterThanOrEqual(500);
    expect(products.body).toMatchObject({ code: expect.any(String), request_id: expect.any(String) });
    expect(JSON.stringify(products.body)).not.toMatch(/knex|sqlite|mysql|stack|pool/i);
  });
});
