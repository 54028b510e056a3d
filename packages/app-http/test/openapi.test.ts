import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';
import { registerBody } from '../src/schemas/auth.js';

interface Operation {
  requestBody?: {
    required: boolean;
    content: { 'application/json': { schema: { required?: string[]; properties?: object } } };
  };
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
  security?: unknown[];
}

// SPEC §9's table written out by hand (`:id` in OpenAPI spelling), not read from the route
// definitions the document is built from: the document must list exactly these.
const SPEC_ROUTES = [
  'get /api/products',
  'get /api/products/{id}',
  'post /api/products',
  'put /api/products/{id}',
  'delete /api/products/{id}',
  'post /api/auth/register',
  'post /api/auth/login',
  'post /api/auth/refresh-token',
  'post /api/auth/logout',
  'get /api/auth/me',
  'put /api/auth/update-profile',
  'put /api/auth/change-password',
  'post /api/auth/password-reset-request',
  'post /api/auth/password-reset',
  'post /api/auth/verify-email',
  'get /api/auth/addresses',
  'post /api/auth/addresses',
  'put /api/auth/addresses/{id}',
  'delete /api/auth/addresses/{id}',
  'get /api/orders',
  'get /api/orders/{id}',
  'post /api/orders',
  'post /api/orders/{id}/cancel',
  'get /api/orders/{id}/receipt',
  'get /api/rentals',
  'get /api/rentals/{id}',
  'post /api/rentals',
  'post /api/rentals/{id}/sign-contract',
  'get /api/rentals/{id}/contract',
  'get /api/rentals/{id}/payments/{payment_id}/receipt',
  'post /api/rentals/{id}/make-payment',
  'get /api/rentals/{id}/buyout-amount',
  'post /api/rentals/{id}/process-buyout',
  'post /api/rentals/{id}/cancel',
  'post /api/rentals/{id}/return',
  'get /api/admin/orders',
  'get /api/admin/orders/{id}',
  'put /api/admin/orders/{id}',
  'post /api/admin/orders/{id}/refund',
  'get /api/admin/rentals',
  'get /api/admin/rentals/{id}',
  'put /api/admin/rentals/{id}',
  'post /api/admin/rentals/{id}/payments/{payment_id}/refund',
  'get /api/admin/products/{id}/stock-movements',
  'post /api/payment/create-intent',
  'get /api/payment/history',
  'post /api/payment/webhook',
  'get /api/health',
  // Named in §9's text rather than its table.
  'get /api/openapi.json',
  // The seed's PHP paths kept as aliases (§6), outside /api.
  'post /payment/webhook.php',
  'post /payment/stripe_handler.php',
];

// The rest of SPEC §9's table, not built yet: a route built later makes the test say to move it.
const SPEC_ROUTES_NOT_YET = [
  'get /api/admin/emails',
  'post /api/admin/emails/{id}/retry',
  'post /api/admin/rentals/{id}/send-reminder',
];

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

  it('is OpenAPI 3.1 with the API version', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const health = await server.request('GET', '/api/health');
    expect(document.info.version).toBe(health.body.version);
  });

  it('documents exactly the routes of SPEC §9 built so far', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    const built = documented.filter((route) => SPEC_ROUTES_NOT_YET.includes(route));
    expect(built, 'built now: move these from SPEC_ROUTES_NOT_YET to SPEC_ROUTES').toEqual([]);
    expect(documented.sort()).toEqual([...SPEC_ROUTES].sort());
  });

  it('uses the schema ajv validates register with', async () => {
    const schema = document.paths['/api/auth/register']?.post?.requestBody?.content['application/json'].schema;
    expect(schema).toEqual(JSON.parse(JSON.stringify(registerBody)));
    expect([...(schema?.required ?? [])].sort()).toEqual(['email', 'first_name', 'last_name', 'password']);
    // and what it says is what the server enforces
    const response = await server.request('POST', '/api/auth/register', { body: {} });
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
      [...(schema?.required ?? [])].sort(),
    );
  });

  it('marks signed-in routes with bearer security and documents error responses', () => {
    expect(document.paths['/api/auth/me']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/products']?.get?.security).toBeUndefined();
    expect(Object.keys(document.paths['/api/products']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '403']),
    );
  });

  it('documents what every route can answer, optional bodies and the Idempotency-Key header', () => {
    const me = document.paths['/api/auth/me']?.get;
    expect(Object.keys(me?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '429', '503']));
    const placeOrder = document.paths['/api/orders']?.post;
    expect(Object.keys(placeOrder?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '409', '413', '415', '429']),
    );
    expect(placeOrder?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
    // `idempotent: true` documents the facility's answers next to the route's own.
    expect(placeOrder?.responses['409']).toMatchObject({
      description: expect.stringMatching(/insufficient_stock.*idempotency_conflict.*idempotency_in_progress/),
    });
    expect(placeOrder?.responses['400']).toMatchObject({
      description: expect.stringMatching(/invalid_idempotency_key/),
    });
    expect(placeOrder?.requestBody?.required).toBe(true);
    expect(document.paths['/api/auth/logout']?.post?.requestBody?.required).toBe(false);
    expect(document.paths['/api/orders/{id}/cancel']?.post?.requestBody?.required).toBe(false);
  });
});

describe('openapi.json: rentals', () => {
  let server: TestServer;
  let paths: Record<string, Record<string, Operation & { responses: Record<string, Response> }>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    paths = (await server.request('GET', '/api/openapi.json')).body.paths;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const schemaOf = (response: Response | undefined, type = 'application/json') => response?.content?.[type]?.schema;

  it('describes a rental with every field SPEC §9 names, the detail with schedule, payments and history', () => {
    const detail = schemaOf(paths['/api/rentals/{id}']?.get?.responses['200'])?.properties?.rental;
    expect(detail?.required).toEqual(
      expect.arrayContaining([...SPEC_RENTAL_FIELDS, 'schedule', 'payments', 'status_history']),
    );
    const listed = schemaOf(paths['/api/rentals']?.get?.responses['200'])?.properties?.rentals?.items;
    expect(listed?.required).toEqual(expect.arrayContaining(SPEC_RENTAL_FIELDS));
    expect(detail?.properties?.schedule?.items?.required).toEqual(
      expect.arrayContaining(['installment_no', 'due_date', 'amount', 'late_fee', 'status', 'paid_at']),
    );
  });

  it('documents the payment answers: 402 with client_secret, 409 amount_changed with buyout_amount, Idempotency-Key', () => {
    for (const path of ['/api/rentals', '/api/rentals/{id}/make-payment', '/api/rentals/{id}/process-buyout']) {
      expect(paths[path]?.post?.parameters, path).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
      );
    }
    const makePayment = paths['/api/rentals/{id}/make-payment']?.post;
    expect(schemaOf(makePayment?.responses['402'])?.properties).toHaveProperty('client_secret');
    const buyout = paths['/api/rentals/{id}/process-buyout']?.post;
    expect(buyout?.responses['409']?.description).toMatch(/amount_changed/);
    expect(schemaOf(buyout?.responses['409'])?.properties).toHaveProperty('buyout_amount');
    expect(buyout?.requestBody?.content['application/json'].schema.required?.sort()).toEqual([
      'amount',
      'payment_method_id',
    ]);
    expect(schemaOf(paths['/api/rentals/{id}/contract']?.get?.responses['200'], 'application/pdf')).toBeDefined();
    expect(paths['/api/admin/rentals']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'overdue', 'customer_email', 'page', 'per_page']),
    );
  });

  it("documents the product's rental quotes with total_months (and term_months)", () => {
    const quote = schemaOf(paths['/api/products/{id}']?.get?.responses['200'])?.properties?.product?.properties
      ?.rental_quotes?.items;
    expect(quote?.required).toEqual(expect.arrayContaining(['total_months', 'term_months', 'monthly_rate']));
  });
});

// SPEC §9's rental, written out by hand.
const SPEC_RENTAL_FIELDS = [
  'id',
  'user_id',
  'product_id',
  'product_name',
  'status',
  'currency',
  'cash_price',
  'total_months',
  'monthly_rate',
  'total_amount',
  'start_date',
  'end_date',
  'payments_made',
  'remaining_payments',
  'next_payment_date',
  'paid_total',
  'remaining_balance',
  'late_fees_due',
  'contract_signed_at',
  'ownership_transferred_at',
  'created_at',
];

interface Schema {
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

interface Response {
  description?: string;
  content?: Record<string, { schema: Schema }>;
}
