import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, uniqueEmail, STRONG_PASSWORD } from './support/accounts.js';
import { productBody } from './support/catalog.js';
import { detailFields, expectError } from './support/expect-error.js';
import {
  ADDRESS,
  customerWithAddress,
  manager,
  placeOrder,
  placedOrder,
  productWith,
  storedOrder,
} from './support/orders.js';
import { storedUser } from './support/stored.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | string;
}

/** A request through node:http, for the methods fetch refuses to send (TRACE, CONNECT…). */
function nodeRequest(server: TestServer, method: string, path: string): Promise<RawAnswer> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const request = httpRequest({ host: url.hostname, port: url.port, method, path }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, headers: response.headers, body: parse(text) }),
      );
    });
    request.on('error', fail);
    request.end();
  });
}

/** Bytes straight onto the socket, for request lines Node's own client would not write. */
function socketRequest(server: TestServer, requestText: string): Promise<RawAnswer> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(requestText));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', fail);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      done({ status: Number(statusLine.split(' ')[1]), headers, body: parse(body) });
    });
  });
}

function parse(text: string): Record<string, unknown> | string {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return text;
  }
}

function expectEnvelope(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(String(answer.headers['content-type'])).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({ code, error: expect.any(String), request_id: expect.any(String) });
}

describe.each(ENGINES)('strict edges (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('methods', () => {
    it('a method a path lacks is a 405 envelope whose Allow lists its methods (TRACE, PROPFIND, PATCH)', async () => {
      for (const method of ['TRACE', 'PROPFIND', 'PATCH', 'PURGE']) {
        const answer = await nodeRequest(server, method, '/api/products');
        expectEnvelope(answer, 405, 'method_not_allowed');
        expect(answer.headers.allow).toBe('HEAD, GET, POST');
      }
      const item = await nodeRequest(server, 'TRACE', '/api/products/7');
      expectEnvelope(item, 405, 'method_not_allowed');
      expect(item.headers.allow).toBe('HEAD, GET, PUT, DELETE');
    });

    it('on a path that does not exist, a method no route has is a 501 envelope, a known one 404', async () => {
      expectEnvelope(await nodeRequest(server, 'TRACE', '/api/no/such/thing'), 501, 'not_implemented');
      expectEnvelope(await nodeRequest(server, 'MKCOL', '/api/no/such/thing'), 501, 'not_implemented');
      expectEnvelope(await nodeRequest(server, 'GET', '/api/no/such/thing'), 404, 'not_found');
    });

    it('OPTIONS answers 204 with Allow and no text body', async () => {
      const answer = await nodeRequest(server, 'OPTIONS', '/api/orders/3/cancel');
      expect(answer.status).toBe(204);
      expect(answer.headers.allow).toBe('POST');
      expect(answer.body).toBe('');
    });

    it('what the HTTP parser refuses (CONNECT, lowercase or unknown methods, garbage) gets the envelope', async () => {
      for (const requestLine of [
        'CONNECT /api/products HTTP/1.1',
        'get /api/health HTTP/1.1',
        'FOO /api/health HTTP/1.1',
      ]) {
        expectEnvelope(await socketRequest(server, `${requestLine}\r\nHost: shop\r\n\r\n`), 501, 'not_implemented');
      }
      expectEnvelope(
        await socketRequest(server, 'GET /api/health HTTP/1.1\r\nHost: shop\r\nBroken header line\r\n\r\n'),
        400,
        'bad_request',
      );
    });
  });

  describe('query integers', () => {
    it.each(['0b10', '0x5', '1e1', ' 5', '5.0', '+5', '-1', '', '1234567890123456'])(
      'page=%j is a 400 naming the parameter',
      async (value) => {
        for (const name of ['page', 'per_page']) {
          const response = await server.request('GET', `/api/products?${name}=${encodeURIComponent(value)}`);
          expectError(response, 400, 'validation_failed');
          expect(detailFields(response)).toEqual([name]);
          expect(response.body.error).toContain(name);
        }
      },
    );

    it('the same rule holds for every integer filter (price_min, price_max) and on staff lists', async () => {
      for (const query of ['price_min=0x10', 'price_max=1e3']) {
        const response = await server.request('GET', `/api/products?${query}`);
        expectError(response, 400, 'validation_failed');
        expect(detailFields(response)).toEqual([query.split('=')[0]]);
      }
      const staff = await manager(server);
      const response = await server.request('GET', '/api/admin/orders?per_page=0x10', { token: staff.token });
      expect(detailFields(response)).toEqual(['per_page']);
    });

    it('plain decimal digits still work, leading zeros included', async () => {
      const response = await server.request('GET', '/api/products?page=02&per_page=5&price_min=0');
      expect(response.status).toBe(200);
      expect(response.body.pagination).toMatchObject({ page: 2, per_page: 5 });
    });
  });

  describe('names and free text', () => {
    const NUL = '\u0000';
    const BELL = '\u0007';
    const C1 = '\u0085';
    const RLO = '\u202E';
    const ISOLATE = '\u2066';

    it('registration and profile names refuse control characters and bidi overrides, naming the field', async () => {
      const register = (first: string, last: string) =>
        server.request('POST', '/api/auth/register', {
          body: { email: uniqueEmail(), password: STRONG_PASSWORD, first_name: first, last_name: last },
        });
      for (const [first, last, field] of [
        [`Ada${NUL}`, 'Lovelace', 'first_name'],
        ['Ada', `Love${RLO}lace`, 'last_name'],
        ['Ada', `Love${C1}`, 'last_name'],
        [`A\nda`, 'L', 'first_name'],
      ]) {
        const response = await register(first as string, last as string);
        expectError(response, 400, 'validation_failed');
        expect(detailFields(response)).toEqual([field]);
      }
      const customer = await registerCustomer(server);
      const update = await server.request('PUT', '/api/auth/update-profile', {
        token: customer.token,
        body: { last_name: `X${ISOLATE}Y` },
      });
      expectError(update, 400, 'validation_failed');
      expect(detailFields(update)).toEqual(['last_name']);
      expect((await storedUser(server, customer.userId)).lastName).toBe('Customer');
    });

    it('address fields refuse them too (nothing is stored), and accept any script', async () => {
      const customer = await registerCustomer(server);
      for (const [field, value] of [
        ['recipient_name', `Eve${RLO}gnp.exe`],
        ['line1', `1 Main St${NUL}`],
        ['city', `Aus${BELL}tin`],
        ['line2', 'Apt 1\nApt 2'],
      ] as const) {
        const response = await server.request('POST', '/api/auth/addresses', {
          token: customer.token,
          body: { ...ADDRESS, [field]: value },
        });
        expectError(response, 400, 'validation_failed');
        expect(detailFields(response)).toEqual([field]);
      }
      expect(await server.storage.addresses.listForUser(customer.userId)).toEqual([]);
      const ok = await server.request('POST', '/api/auth/addresses', {
        token: customer.token,
        body: { ...ADDRESS, recipient_name: 'Zoë 😀 王小明', line1: 'שדרות רוטשילד 1' },
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    });

    it('product text: name and brand are one line; descriptions keep line feeds and tabs, nothing else', async () => {
      const staff = await manager(server);
      for (const [field, value] of [
        ['name', `RTX${ISOLATE} 4090`],
        ['brand', `NVI${NUL}DIA`],
        ['description', `Clean${BELL}`],
        ['description', `a${RLO}b`],
        ['name', 'RTX\t4090'],
      ] as const) {
        const response = await server.request('POST', '/api/products', {
          token: staff.token,
          body: productBody({ [field]: value }),
        });
        expectError(response, 400, 'validation_failed');
        expect(detailFields(response)).toEqual([field]);
      }
      const multiLine = await server.request('POST', '/api/products', {
        token: staff.token,
        body: productBody({ description: 'Tested.\n\n- fans:\tcleaned' }),
      });
      expect(multiLine.status, JSON.stringify(multiLine.body)).toBe(201);
    });

    it('order notes, the cancel note and staff tracking numbers and notes follow the same rules', async () => {
      const staff = await manager(server);
      const productId = await productWith(server, staff.token, { price: 1_000, stock: 10 });
      const customer = await customerWithAddress(server);
      const refused = await placeOrder(server, customer, [{ product_id: productId, quantity: 1 }], {
        notes: `leave at door${NUL}`,
      });
      expectError(refused, 400, 'validation_failed');
      expect(detailFields(refused)).toEqual(['notes']);
      const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }], {
        notes: 'Ring twice.\nThen wait.',
      });
      expect(order.notes).toBe('Ring twice.\nThen wait.');

      for (const [field, value] of [
        ['tracking_number', `1Z999${RLO}`],
        ['tracking_number', 'TRK\n42'],
        ['note', `\u001b[31mred`],
      ] as const) {
        const response = await server.request('PUT', `/api/admin/orders/${order.id}`, {
          token: staff.token,
          body: { [field]: value },
        });
        expectError(response, 400, 'validation_failed');
        expect(detailFields(response)).toEqual([field]);
      }
      const cancel = await server.request('POST', `/api/orders/${order.id}/cancel`, {
        token: customer.token,
        body: { note: `changed my mind${C1}` },
      });
      expectError(cancel, 400, 'validation_failed');
      expect(detailFields(cancel)).toEqual(['note']);
      expect((await storedOrder(server, order.id)).status).toBe('pending');
    });
  });

  describe('content types', () => {
    it.each([
      'application/merge-patch+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/problem+json',
    ])('%s is a 415 envelope', async (type) => {
      const customer = await registerCustomer(server);
      const response = await server.request('PUT', '/api/auth/update-profile', {
        token: customer.token,
        headers: { 'Content-Type': type },
        body: JSON.stringify({ first_name: 'Changed' }),
      });
      expectError(response, 415, 'unsupported_media_type');
      expect((await storedUser(server, customer.userId)).firstName).toBe('Test');
    });

    it('application/json is accepted with or without a charset', async () => {
      const customer = await registerCustomer(server);
      for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
        const response = await server.request('PUT', '/api/auth/update-profile', {
          token: customer.token,
          headers: { 'Content-Type': type },
          body: { first_name: 'Changed' },
        });
        expect(response.status, type).toBe(200);
      }
    });
  });

  describe('unknown body fields', () => {
    it('the published request schemas accept unknown fields (no additionalProperties: false in them)', async () => {
      const document = (await server.request('GET', '/api/openapi.json')).body as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
      };
      const closedAt: string[] = [];
      const visit = (schema: unknown, where: string): void => {
        if (typeof schema !== 'object' || schema === null) return;
        for (const [key, value] of Object.entries(schema)) {
          if (key === 'additionalProperties' && value === false) closedAt.push(where);
          visit(value, `${where}.${key}`);
        }
      };
      let bodies = 0;
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const schema = operation.requestBody?.content['application/json']?.schema;
          if (schema === undefined) continue;
          bodies += 1;
          visit(schema, `${method} ${path}`);
        }
      }
      expect(bodies).toBeGreaterThan(10);
      expect(closedAt).toEqual([]);
    });

    it('and the server ignores them, at the top and nested, never applying them', async () => {
      const staff = await manager(server);
      const productId = await productWith(server, staff.token, { price: 1_000, stock: 10 });
      const customer = await customerWithAddress(server);
      const response = await placeOrder(
        server,
        customer,
        [{ product_id: productId, quantity: 1, unit_price: 1 } as never],
        { total: 1, user_id: staff.userId },
      );
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.order).toMatchObject({ user_id: customer.userId, subtotal: 1_000 });
      expect(response.body.order.items[0]).toMatchObject({ unit_price: 1_000 });
      const register = await server.request('POST', '/api/auth/register', {
        body: {
          email: uniqueEmail(),
          password: STRONG_PASSWORD,
          first_name: 'Mallory',
          last_name: 'M',
          role: 'admin',
          email_verified: true,
        },
      });
      expect(register.status).toBe(201);
      expect(register.body.user).toMatchObject({ role: 'customer', email_verified: false });
    });
  });

  describe('HSTS', () => {
    it('is not sent when PUBLIC_URL is plain http', async () => {
      const response = await server.request('GET', '/api/health');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('is sent when PUBLIC_URL is https, by the API, the admin and the account pages alike', async () => {
      const secure = await startTestServer(engine, { env: { PUBLIC_URL: 'https://shop.example' } });
      try {
        for (const path of ['/api/health', '/admin', '/account/reset-password?token=x']) {
          const response = await secure.request('GET', path);
          expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d+/);
        }
      } finally {
        await secure.stop();
      }
    });
  });

  describe('one security header configuration for every app', () => {
    it('sends nosniff, frame deny, no referrer and a CSP forbidding frames on the API, the admin and the account pages', async () => {
      for (const path of ['/api/health', '/admin', '/account/verify-email?token=x']) {
        const response = await server.request('GET', path);
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(response.headers.get('x-frame-options'), path).toBe('DENY');
        expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
        expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
        expect(response.headers.get('strict-transport-security'), path).toBeNull();
        expect(response.headers.get('x-powered-by'), path).toBeNull();
      }
    });
  });
});
