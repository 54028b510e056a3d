import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';
import { registerBody } from '../src/schemas/auth.js';

interface Operation {
  requestBody?: { required: boolean; content: { 'application/json': { schema: { required?: string[]; properties?: object } } } };
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
  security?: unknown[];
}

// The document does not depend on the engine: SQLite only.
describe('openapi.json', () => {
  let server: TestServer;
  let document: { openapi: string; info: { version: string }; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const response = await server.request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** What the router really answers: every registered method + path, in OpenAPI spelling. */
  async function registeredRoutes(): Promise<string[]> {
    const { createApiApp } = await import('../src/api-app.js');
    const { apiServices } = await import('../src/services.js');
    const { createLogger } = await import('../src/logger.js');
    const app = createApiApp(apiServices(server.container), { logger: createLogger('silent'), trustProxy: false });
    const routes: string[] = [];
    for (const middleware of app.middleware) {
      const router = (middleware as { router?: { stack: { path: string; methods: string[] }[] } }).router;
      for (const layer of router?.stack ?? []) {
        for (const method of layer.methods) {
          if (method === 'HEAD') continue;
          routes.push(`${method.toLowerCase()} ${layer.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
        }
      }
    }
    return routes.sort();
  }

  it('is OpenAPI 3.1 with the API version', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const health = await server.request('GET', '/api/health');
    expect(document.info.version).toBe(health.body.version);
  });

  it('describes exactly the routes the router serves', async () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    const registered = await registeredRoutes();
    expect(registered.length).toBeGreaterThan(15);
    expect(documented.sort()).toEqual(registered);
    for (const route of ['post /api/auth/register', 'get /api/products', 'put /api/auth/addresses/{id}', 'get /api/health']) {
      expect(documented).toContain(route);
    }
  });

  it('uses the schema ajv validates register with', async () => {
    const schema = document.paths['/api/auth/register']?.post?.requestBody?.content['application/json'].schema;
    expect(schema).toEqual(JSON.parse(JSON.stringify(registerBody)));
    expect([...(schema?.required ?? [])].sort()).toEqual(['email', 'first_name', 'last_name', 'password']);
    // and what it says is what the server enforces
    const response = await server.request('POST', '/api/auth/register', { body: {} });
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([...(schema?.required ?? [])].sort());
  });

  it('marks signed-in routes with bearer security and documents error responses', () => {
    expect(document.paths['/api/auth/me']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/products']?.get?.security).toBeUndefined();
    expect(Object.keys(document.paths['/api/products']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '403']));
  });

  it('documents what every route can answer, optional bodies and the Idempotency-Key header', () => {
    const me = document.paths['/api/auth/me']?.get;
    expect(Object.keys(me?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '429', '503']));
    const placeOrder = document.paths['/api/orders']?.post;
    expect(Object.keys(placeOrder?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '409', '413', '415', '429']));
    expect(placeOrder?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    // `idempotent: true` documents the facility's answers next to the route's own.
    expect(placeOrder?.responses['409']).toMatchObject({ description: expect.stringMatching(/insufficient_stock.*idempotency_conflict.*idempotency_in_progress/) });
    expect(placeOrder?.responses['400']).toMatchObject({ description: expect.stringMatching(/invalid_idempotency_key/) });
    expect(placeOrder?.requestBody?.required).toBe(true);
    expect(document.paths['/api/auth/logout']?.post?.requestBody?.required).toBe(false);
    expect(document.paths['/api/orders/{id}/cancel']?.post?.requestBody?.required).toBe(false);
  });
});
