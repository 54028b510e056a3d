import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '@giggatek/adapters';
import { cents } from '@giggatek/domain';
import { expectError, detailFields } from './support/expect-error.js';
import {
  ADDRESS,
  customerWithAddress,
  manager,
  orderCount,
  placedOrder,
  productWith,
  stockOf,
  storedOrder,
  type Customer,
} from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';
import { signInAs } from './support/accounts.js';

describe.each(ENGINES)('orders: placing, pricing, reading (%s)', (engine) => {
  let server: TestServer;
  let staffToken: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    staffToken = (await manager(server)).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe(`pricing as SPEC §4 (${engine})`, () => {
    it('2 × 20 000 standard → subtotal 40 000, shipping 999, tax 3 300, total 44 299; stored as answered', async () => {
      const customer = await customerWithAddress(server);
      const productId = await productWith(server, staffToken, { price: 20_000, stock: 5, name: 'Radeon RX 6800' });
      const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 2 }]);
      expect(order).toMatchObject({
        user_id: customer.userId,
        status: 'pending',
        payment_status: 'pending',
        currency: 'usd',
        subtotal: 40_000,
        shipping: 999,
        tax: 3_300,
        total: 44_299,
        shipping_method: 'standard',
        tracking_number: null,
        notes: null,
        items: [
          {
            id: expect.any(Number),
            product_id: productId,
            product_name: 'Radeon RX 6800',
            quantity: 2,
            unit_price: 20_000,
            line_total: 40_000,
          },
        ],
        shipping_address: {
          recipient_name: ADDRESS.recipient_name,
          line1: ADDRESS.line1,
          line2: null,
          city: 'Austin',
          state: 'TX',
          postal_code: '78701',
          country: 'US',
          phone: null,
        },
      });
      expect(order.billing_address).toEqual(order.shipping_address);
      expect(order.status_history).toEqual([
        { from: null, to: 'pending', actor: 'customer', note: null, created_at: expect.any(String) },
      ]);
      expect(order.payments).toEqual([]);
      expect(await stockOf(server, productId)).toBe(3);

      const stored = await storedOrder(server, order.id);
      expect(stored).toMatchObject({ subtotal: 40_000, shipping: 999, tax: 3_300, total: 44_299 });
      expect(stored.items.map((i) => [i.productId, i.quantity, i.unitPrice, i.lineTotal])).toEqual([
        [productId, 2, 20_000, 40_000],
      ]);
    });

    it('1 × 200 → tax 17 (825 bp rounded half up); expedited and overnight shipping rates', async () => {
      const customer = await customerWithAddress(server);
      const productId = await productWith(server, staffToken, { price: 200, stock: 10 });
      expect(await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }])).toMatchObject({
        subtotal: 200,
        tax: 17,
        shipping: 999,
        total: 1_216,
      });
      expect(
        await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }], { shipping_method: 'expedited' }),
      ).toMatchObject({ shipping: 1_999, total: 2_216 });
      expect(
        await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }], { shipping_method: 'overnight' }),
      ).toMatchObject({ shipping: 3_999, total: 4_216 });
    });

    it('standard shipping is free from a 50 000 subtotal; rates come from the settings table', async () => {
      const customer = await customerWithAddress(server);
      const productId = await productWith(server, staffToken, { price: 25_000, stock: 10 });
      expect(await placedOrder(server, customer, [{ product_id: productId, quantity: 2 }])).toMatchObject({
        subtotal: 50_000,
        shipping: 0,
        tax: 4_125,
        total: 54_125,
      });

      const store = resolve(server.container, TOKENS.StoreSettings);
      const pricing = await store.get('pricing');
      await store.set(
        'pricing',
        { ...pricing, taxBp: 1_000, shippingRates: { ...pricing.shippingRates, standard: cents(500) } },
        server.clock.now(),
      );
      expect(await server.storage.settings.get('pricing')).toMatchObject({ taxBp: 1_000 });
      try {
        expect(await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }])).toMatchObject({
          subtotal: 25_000,
          shipping: 500,
          tax: 2_500,
          total: 28_000,
        });
      } finally {
        await store.set('pricing', pricing, server.clock.now());
      }
    });

    it('ignores a price, total or unit_price sent by the client: the server prices', async () => {
      const customer = await customerWithAddress(server);
      const productId = await productWith(server, staffToken, { price: 20_000, stock: 5 });
      const order = await placedOrder(
        server,
        customer,
        [{ product_id: productId, quantity: 1, unit_price: 1, price: 1 } as never],
        {
          total: 1,
          subtotal: 1,
          tax: 0,
          shipping: 0,
          status: 'delivered',
          payment_status: 'paid',
          user_id: 1,
        },
      );
      expect(order).toMatchObject({
        subtotal: 20_000,
        shipping: 999,
        tax: 1_650,
        total: 22_649,
        status: 'pending',
        payment_status: 'pending',
        user_id: customer.userId,
      });
      expect(order.items[0]).toMatchObject({ unit_price: 20_000, line_total: 20_000 });
    });

    it('copies the addresses: a later address book edit does not change the order; billing may differ', async () => {
      const customer = await customerWithAddress(server);
      const billing = await server.request('POST', '/api/auth/addresses', {
        token: customer.token,
        body: { ...ADDRESS, recipient_name: 'Accounts Payable', line1: '1 Ledger Rd' },
      });
      const productId = await productWith(server, staffToken, { price: 1_000, stock: 5 });
      const order = await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }], {
        billing_address_id: billing.body.address.id,
        notes: 'Leave at the door',
      });
      expect(order.billing_address).toMatchObject({ recipient_name: 'Accounts Payable', line1: '1 Ledger Rd' });
      expect(order.notes).toBe('Leave at the door');
      await server.request('PUT', `/api/auth/addresses/${customer.addressId}`, {
        token: customer.token,
        body: { line1: '99 Changed St' },
      });
      const read = await server.request('GET', `/api/orders/${order.id}`, { token: customer.token });
      expect(read.body.order.shipping_address.line1).toBe(ADDRESS.line1);
    });
  });

  describe(`bad input changes nothing (${engine})`, () => {
    let customer: Customer;
    let productId: number;
    let archivedId: number;
    beforeAll(async () => {
      customer = await customerWithAddress(server);
      productId = await productWith(server, staffToken, { price: 5_000, stock: 200 });
      archivedId = await productWith(server, staffToken, { price: 5_000, stock: 10 });
      const admin = await signInAs(server, 'admin');
      const archived = await server.request('PUT', `/api/products/${archivedId}`, {
        token: admin.token,
        body: { status: 'archived' },
      });
      expect(archived.status).toBe(200);
    });

    async function expectRefused(
      body: Record<string, unknown>,
      status: number,
      code: string,
      field?: string,
    ): Promise<void> {
      const response = await server.request('POST', '/api/orders', {
        token: customer.token,
        body: {
          items: [{ product_id: productId, quantity: 1 }],
          shipping_address_id: customer.addressId,
          shipping_method: 'standard',
          ...body,
        },
      });
      expectError(response, status, code);
      if (field !== undefined) {
        expect(detailFields(response)).toContain(field);
        expect(response.body.error).toContain(field);
      }
      expect(await orderCount(server, customer.userId)).toBe(0);
      expect(await stockOf(server, productId)).toBe(200);
      expect(await stockOf(server, archivedId)).toBe(10);
    }

    it('empty items', () => expectRefused({ items: [] }, 400, 'validation_failed', 'items'));
    it('no items at all', () => expectRefused({ items: undefined }, 400, 'validation_failed', 'items'));
    it('51 lines', () =>
      expectRefused(
        { items: Array.from({ length: 51 }, (_, i) => ({ product_id: productId + 1000 + i, quantity: 1 })) },
        400,
        'validation_failed',
        'items',
      ));
    it.each([0, 100, 1.5, -1, '2'])('quantity %s', (quantity) =>
      expectRefused({ items: [{ product_id: productId, quantity }] }, 400, 'validation_failed', 'items[0].quantity'),
    );
    it('the same product twice', () =>
      expectRefused(
        {
          items: [
            { product_id: productId, quantity: 1 },
            { product_id: productId, quantity: 2 },
          ],
        },
        400,
        'validation_failed',
        'items[1].product_id',
      ));
    it('an unknown product', () =>
      expectRefused(
        {
          items: [
            { product_id: productId, quantity: 1 },
            { product_id: 987_654, quantity: 1 },
          ],
        },
        400,
        'validation_failed',
        'items[1].product_id',
      ));
    it('an archived product', () =>
      expectRefused(
        { items: [{ product_id: archivedId, quantity: 1 }] },
        400,
        'validation_failed',
        'items[0].product_id',
      ));
    it("another customer's shipping address is not found (404)", async () => {
      const other = await customerWithAddress(server);
      await expectRefused({ shipping_address_id: other.addressId }, 404, 'not_found');
    });
    it("another customer's billing address is not found (404)", async () => {
      const other = await customerWithAddress(server);
      await expectRefused({ billing_address_id: other.addressId }, 404, 'not_found');
    });
    it('an unknown shipping method', () =>
      expectRefused({ shipping_method: 'teleport' }, 400, 'validation_failed', 'shipping_method'));
    it('no shipping address', () =>
      expectRefused({ shipping_address_id: undefined }, 400, 'validation_failed', 'shipping_address_id'));
    it('notes of 1001 characters', () => expectRefused({ notes: 'x'.repeat(1001) }, 400, 'validation_failed', 'notes'));
    it('no token (401)', async () => {
      const response = await server.request('POST', '/api/orders', {
        body: {
          items: [{ product_id: productId, quantity: 1 }],
          shipping_address_id: customer.addressId,
          shipping_method: 'standard',
        },
      });
      expectError(response, 401, 'missing_token');
      expect(await stockOf(server, productId)).toBe(200);
    });
    it('accepts notes of exactly 1000 characters and 50 lines (the limits themselves)', async () => {
      const other = await customerWithAddress(server);
      const ids = await Promise.all(
        Array.from({ length: 50 }, () => productWith(server, staffToken, { price: 100, stock: 1 })),
      );
      const order = await placedOrder(
        server,
        other,
        ids.map((id) => ({ product_id: id, quantity: 1 })),
        { notes: 'n'.repeat(1000) },
      );
      expect(order.items).toHaveLength(50);
      expect(order.subtotal).toBe(5_000);
      expect(order.notes).toHaveLength(1000);
    });
  });

  describe(`reading (${engine})`, () => {
    it('lists your own orders newest first, paged, filtered by status; other customers see none', async () => {
      const customer = await customerWithAddress(server);
      const productId = await productWith(server, staffToken, { price: 1_000, stock: 10 });
      const first = await placedOrder(server, customer, [{ product_id: productId, quantity: 1 }]);
      server.clock.advance(1_000);
      const second = await placedOrder(server, customer, [{ product_id: productId, quantity: 2 }]);
      server.clock.advance(1_000);
      const third = await placedOrder(server, customer, [{ product_id: productId, quantity: 3 }]);
      expect((await server.request('POST', `/api/orders/${second.id}/cancel`, { token: customer.token })).status).toBe(
        200,
      );

      const all = await server.request('GET', '/api/orders', { token: customer.token });
      expect(all.status).toBe(200);
      expect(all.body.orders.map((o: { id: number }) => o.id)).toEqual([third.id, second.id, first.id]);
      expect(all.body.pagination).toEqual({ page: 1, per_page: 20, total: 3, total_pages: 1 });
      expect(all.body.orders[0].items).toHaveLength(1);
      expect(all.body.orders[0]).not.toHaveProperty('status_history');

      const paged = await server.request('GET', '/api/orders?per_page=2&page=2', { token: customer.token });
      expect(paged.body.orders.map((o: { id: number }) => o.id)).toEqual([first.id]);
      expect(paged.body.pagination).toEqual({ page: 2, per_page: 2, total: 3, total_pages: 2 });

      const cancelled = await server.request('GET', '/api/orders?status=cancelled', { token: customer.token });
      expect(cancelled.body.orders.map((o: { id: number }) => o.id)).toEqual([second.id]);
      expectError(
        await server.request('GET', '/api/orders?status=lost', { token: customer.token }),
        400,
        'validation_failed',
      );

      const stranger = await customerWithAddress(server);
      const theirs = await server.request('GET', '/api/orders', { token: stranger.token });
      expect(theirs.body.orders).toEqual([]);
    });

    it("reading another customer's order is a 404, like an unknown id", async () => {
      const owner = await customerWithAddress(server);
      const productId = await productWith(server, staffToken, { price: 1_000, stock: 10 });
      const order = await placedOrder(server, owner, [{ product_id: productId, quantity: 1 }]);
      const stranger = await customerWithAddress(server);
      expectError(await server.request('GET', `/api/orders/${order.id}`, { token: stranger.token }), 404, 'not_found');
      expectError(await server.request('GET', '/api/orders/99999999', { token: stranger.token }), 404, 'not_found');
      expectError(
        await server.request('GET', `/api/orders/${order.id}/receipt`, { token: stranger.token }),
        404,
        'not_found',
      );
      const own = await server.request('GET', `/api/orders/${order.id}`, { token: owner.token });
      expect(own.status).toBe(200);
      expect(own.body.order).toMatchObject({ id: order.id, total: order.total });
    });
  });
});
