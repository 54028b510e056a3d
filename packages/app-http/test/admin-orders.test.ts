import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '@giggatek/adapters';
import { signInAs, type SignedIn } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import {
  changesTo,
  customerWithAddress,
  manager,
  placedOrder,
  productWith,
  signInAgain,
  stockOf,
  storedOrder,
  type Customer,
} from './support/orders.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('staff order API (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  beforeAll(async () => {
    server = await startTestServer(engine);
    staff = await manager(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const update = (id: number, body: Record<string, unknown>, token = staff.token) =>
    server.request('PUT', `/api/admin/orders/${id}`, { token, body });
  const ids = (body: { orders: { id: number }[] }) => body.orders.map((o) => o.id);

  async function newOrder(customer?: Customer, quantity = 1) {
    const buyer = customer ?? (await customerWithAddress(server));
    const productId = await productWith(server, staff.token, { price: 10_000, stock: 10 });
    return { buyer, productId, order: await placedOrder(server, buyer, [{ product_id: productId, quantity }]) };
  }

  it(`sets status, payment status and tracking number atomically: a failed step undoes all (${engine})`, async () => {
    const { order, productId } = await newOrder();
    const rowsOf = () => storedOrder(server, order.id);
    const before = await rowsOf();
    // The second step (the tracking number, after paid → processing) fails.
    const orders = resolve(server.container, TOKENS.OrderRepository);
    const changeTrackingNumber = orders.changeTrackingNumber.bind(orders);
    orders.changeTrackingNumber = async () => {
      throw new Error('the database went away during the second step');
    };
    try {
      expectError(
        await update(order.id, { payment_status: 'paid', tracking_number: '1Z999AA10123456784' }),
        500,
        'internal_error',
      );
    } finally {
      orders.changeTrackingNumber = changeTrackingNumber;
    }
    expect(await rowsOf()).toEqual(before);
    expect(before).toMatchObject({ status: 'pending', paymentStatus: 'pending', trackingNumber: null });
    expect(before.statusHistory).toHaveLength(1);
    expect(before.payments).toEqual([]);
    expect(await stockOf(server, productId)).toBe(9);

    const applied = await update(order.id, { payment_status: 'paid', tracking_number: '1Z999AA10123456784' });
    expect(applied.body.order).toMatchObject({
      status: 'processing',
      payment_status: 'paid',
      tracking_number: '1Z999AA10123456784',
    });
  });

  it(`walks paid → processing, shipped with tracking, delivered, refunded; history each step (${engine})`, async () => {
    const { order, buyer } = await newOrder();
    const paid = await update(order.id, { payment_status: 'paid', note: 'bank transfer received' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.order).toMatchObject({ status: 'processing', payment_status: 'paid' });
    expect(paid.body.order.payments).toEqual([
      {
        id: expect.any(Number),
        order_id: order.id,
        installment_no: null,
        kind: 'order',
        amount: order.total,
        currency: 'usd',
        status: 'paid',
        created_at: expect.any(String),
      },
    ]);

    const shipped = await update(order.id, { status: 'shipped', tracking_number: '1Z999AA10123456784' });
    expect(shipped.body.order).toMatchObject({ status: 'shipped', tracking_number: '1Z999AA10123456784' });
    const delivered = await update(order.id, { status: 'delivered', note: 'signed for' });
    expect(delivered.body.order.status).toBe('delivered');
    const refunded = await update(order.id, { status: 'refunded', note: 'returned within 30 days' });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.order).toMatchObject({ status: 'refunded', payment_status: 'refunded' });
    expect(refunded.body.order.payments.map((p: { kind: string; amount: number }) => [p.kind, p.amount])).toEqual([
      ['order', order.total],
      ['refund', order.total],
    ]);

    const history = refunded.body.order.status_history.map(
      (h: { from: string | null; to: string; actor: string; note: string | null }) => [h.from, h.to, h.actor, h.note],
    );
    expect(history).toEqual([
      [null, 'pending', 'customer', null],
      ['pending', 'processing', 'manager', 'bank transfer received'],
      ['processing', 'shipped', 'manager', null],
      ['shipped', 'delivered', 'manager', 'signed for'],
      ['delivered', 'refunded', 'manager', 'returned within 30 days'],
    ]);
    const stored = await storedOrder(server, order.id);
    expect(stored.statusHistory.slice(1).every((r) => r.actorUserId === staff.userId)).toBe(true);
    expect(stored).toMatchObject({
      status: 'refunded',
      paymentStatus: 'refunded',
      trackingNumber: '1Z999AA10123456784',
    });

    // The customer sees the same history.
    const mine = await server.request('GET', `/api/orders/${order.id}`, { token: buyer.token });
    expect(mine.body.order.status_history).toHaveLength(5);
  });

  it.each([
    ['pending', 'shipped'],
    ['pending', 'delivered'],
    ['pending', 'refunded'],
    ['processing', 'pending'],
    ['processing', 'delivered'],
    ['cancelled', 'processing'],
  ])(`refuses %s → %s with 409 invalid_transition and changes nothing (${engine})`, async (from, to) => {
    const { order } = await newOrder();
    if (from === 'processing') expect((await update(order.id, { payment_status: 'paid' })).status).toBe(200);
    if (from === 'cancelled') expect((await update(order.id, { status: 'cancelled' })).status).toBe(200);
    const before = await storedOrder(server, order.id);
    expectError(await update(order.id, { status: to }), 409, 'invalid_transition');
    expect(await storedOrder(server, order.id)).toEqual(before);
    expect(before.status).toBe(from);
  });

  it(`staff cancel a processing (paid) order: stock back once, payment refunded (${engine})`, async () => {
    const { order, productId } = await newOrder(undefined, 2);
    expect(await stockOf(server, productId)).toBe(8);
    await update(order.id, { payment_status: 'paid' });
    const cancelled = await update(order.id, { status: 'cancelled', note: 'out of stock at the warehouse' });
    expect(cancelled.body.order).toMatchObject({ status: 'cancelled', payment_status: 'refunded' });
    expect(await stockOf(server, productId)).toBe(10);
    // Cancelling again is a no-op: no second restock, no second history row.
    const again = await update(order.id, { status: 'cancelled' });
    expect(again.body.order.status).toBe('cancelled');
    expect(await stockOf(server, productId)).toBe(10);
    expect(await changesTo(server, order.id, 'cancelled')).toHaveLength(1);
  });

  it(`never ships an unpaid order: pending → processing needs the payment (${engine})`, async () => {
    const { order } = await newOrder();
    const refused = await update(order.id, { status: 'processing' });
    expectError(refused, 409, 'invalid_transition');
    expect(refused.body.error).toMatch(/payment_status to paid/);
    expect(await storedOrder(server, order.id)).toMatchObject({
      status: 'pending',
      paymentStatus: 'pending',
      statusHistory: [expect.anything()],
    });
    const both = await update(order.id, { status: 'processing', payment_status: 'paid' });
    expect(both.body.order).toMatchObject({ status: 'processing', payment_status: 'paid' });
    expect((await storedOrder(server, order.id)).payments).toHaveLength(1);
  });

  it(`refuses an empty update and unknown values with 400 (${engine})`, async () => {
    const { order } = await newOrder();
    const empty = await update(order.id, {});
    expectError(empty, 400, 'validation_failed');
    expect(detailFields(empty)).toEqual(['body']);
    expect(detailFields(await update(order.id, { status: 'lost' }))).toEqual(['status']);
    expect(detailFields(await update(order.id, { payment_status: 'maybe' }))).toEqual(['payment_status']);
    expect(detailFields(await update(order.id, { tracking_number: 'x'.repeat(101) }))).toEqual(['tracking_number']);
    expectError(await update(99_999_999, { status: 'shipped' }), 404, 'not_found');
  });

  it(`customers get 403 on every staff route; managers and admins get in (${engine})`, async () => {
    const { order, buyer } = await newOrder();
    expectError(await server.request('GET', '/api/admin/orders', { token: buyer.token }), 403, 'forbidden');
    expectError(await server.request('GET', `/api/admin/orders/${order.id}`, { token: buyer.token }), 403, 'forbidden');
    expectError(await update(order.id, { status: 'cancelled' }, buyer.token), 403, 'forbidden');
    expect((await storedOrder(server, order.id)).status).toBe('pending');
    expectError(await server.request('GET', '/api/admin/orders'), 401);

    const admin = await signInAs(server, 'admin');
    const read = await server.request('GET', `/api/admin/orders/${order.id}`, { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.order).toMatchObject({
      id: order.id,
      user_id: buyer.userId,
      payments: [],
      status_history: [expect.any(Object)],
    });
  });

  it(`lists all orders, filtered by status, payment status, customer email, UTC date range (${engine})`, async () => {
    // Dates well after the other tests' orders (placed at the clock's start, today). Runs
    // last: the clock only moves forward, and tokens are signed again at the new time.
    server.clock.set('2030-05-01T23:59:59.000Z');
    let staffToken = await signInAgain(server, staff);
    const alice = await customerWithAddress(server);
    const bob = await customerWithAddress(server);
    const productId = await productWith(server, staffToken, { price: 1_000, stock: 50 });
    const place = (customer: Customer) => placedOrder(server, customer, [{ product_id: productId, quantity: 1 }]);
    const a1 = await place(alice);
    server.clock.set('2030-05-02T00:00:00.000Z');
    const b1 = await place(bob);
    server.clock.set('2030-05-03T12:00:00.000Z');
    alice.token = await signInAgain(server, alice);
    staffToken = await signInAgain(server, staff);
    const a2 = await place(alice);
    expect((await update(a2.id, { payment_status: 'paid' }, staffToken)).status).toBe(200);
    const list = (query: string) => server.request('GET', `/api/admin/orders?${query}`, { token: staffToken });

    const range = await list('date_from=2030-05-01&date_to=2030-05-03');
    expect(range.status, JSON.stringify(range.body)).toBe(200);
    expect(ids(range.body)).toEqual([a2.id, b1.id, a1.id]);
    expect(ids((await list('date_from=2030-05-01&date_to=2030-05-01')).body)).toEqual([a1.id]);
    expect(ids((await list('date_from=2030-05-02&date_to=2030-05-02')).body)).toEqual([b1.id]);
    expect(ids((await list('date_from=2030-05-02')).body)).toEqual([a2.id, b1.id]);
    expect(ids((await list(`customer_email=${encodeURIComponent(alice.email.toUpperCase())}`)).body)).toEqual([
      a2.id,
      a1.id,
    ]);
    expect(ids((await list(`customer_email=${encodeURIComponent(bob.email)}&date_from=2030-05-01`)).body)).toEqual([
      b1.id,
    ]);
    expect(ids((await list('payment_status=paid&date_from=2030-05-01')).body)).toEqual([a2.id]);
    expect(ids((await list('status=processing&date_from=2030-05-01')).body)).toEqual([a2.id]);
    expect(ids((await list('status=pending&date_from=2030-05-01')).body)).toEqual([b1.id, a1.id]);
    const paged = await list('date_from=2030-05-01&per_page=2&page=2');
    expect(ids(paged.body)).toEqual([a1.id]);
    expect(paged.body.pagination).toEqual({ page: 2, per_page: 2, total: 3, total_pages: 2 });
    expect(paged.body.orders[0].items).toHaveLength(1);

    expect(detailFields(await list('date_from=2030-13-01'))).toEqual(['date_from']);
    expect(detailFields(await list('date_to=05/03/2030'))).toEqual(['date_to']);
    expect(detailFields(await list('date_from=2030-05-03&date_to=2030-05-01'))).toEqual(['date_to']);
    expect(detailFields(await list('payment_status=sometimes'))).toEqual(['payment_status']);
  });
});
