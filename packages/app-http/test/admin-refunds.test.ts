import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '@giggatek/adapters';
import { cents, formatMoney } from '@giggatek/domain';
import type { SignedIn } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { customerWithAddress, placedOrder, productWith, storedOrder, type Customer } from './support/orders.js';
import {
  activeRental,
  moveClockTo,
  pay,
  RATE_3,
  rentableProduct,
  startRentalServer,
  storedRental,
} from './support/rentals.js';
import { pdfText } from './support/pdf-text.js';
import { ENGINES, type TestServer } from './support/test-server.js';

/** POST /api/admin/orders/:id/refund and /api/admin/rentals/:id/payments/:payment_id/refund (SPEC §6). */
describe.each(ENGINES)('staff refunds (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let customer: Customer;
  beforeAll(async () => {
    ({ server, staff } = await startRentalServer(engine));
    customer = await customerWithAddress(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const refundOrder = (
    id: number,
    body: Record<string, unknown> = {},
    options: { token?: string; key?: string } = {},
  ) =>
    server.request('POST', `/api/admin/orders/${id}/refund`, {
      token: options.token ?? staff.token,
      body,
      headers: options.key ? { 'Idempotency-Key': options.key } : {},
    });
  const refundPayment = (rentalId: number, paymentId: number, body: Record<string, unknown> = {}) =>
    server.request('POST', `/api/admin/rentals/${rentalId}/payments/${paymentId}/refund`, { token: staff.token, body });

  async function newOrder() {
    const productId = await productWith(server, staff.token, { price: 10_000, stock: 10 });
    return placedOrder(server, customer, [{ product_id: productId, quantity: 1 }]);
  }

  /** An order staff marked paid (offline: no gateway reference). */
  async function paidOffline() {
    const order = await newOrder();
    const paid = await server.request('PUT', `/api/admin/orders/${order.id}`, {
      token: staff.token,
      body: { payment_status: 'paid' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    return order;
  }

  /** An order paid by card through the server's gateway, recorded as the payment path records it. */
  async function paidByCard() {
    const order = await newOrder();
    const gateway = resolve(server.container, TOKENS.PaymentGateway);
    const intent = await gateway.createIntent({
      amount: cents(order.total),
      currency: 'usd',
      idempotencyKey: `test-intent-${order.id}`,
      metadata: { order_id: String(order.id) },
      description: `order ${order.id}`,
    });
    await gateway.confirmIntent(intent.id, 'pm_test_visa', `test-confirm-${order.id}`);
    const changed = await server.storage.orders.changeStatus(order.id, {
      from: 'pending',
      to: 'processing',
      actor: { kind: 'system', name: 'test' },
      note: null,
      now: server.clock.now(),
      restock: false,
      paymentStatus: 'paid',
      payment: {
        userId: customer.userId,
        orderId: order.id,
        rentalId: null,
        installmentNo: null,
        kind: 'order',
        amount: cents(order.total),
        lateFee: cents(0),
        currency: 'usd',
        status: 'succeeded',
        gateway: gateway.name,
        gatewayRef: intent.id,
      },
    });
    expect(changed).not.toBeNull();
    return order;
  }

  it(`refunds an order in parts, then the rest; then 409 with amount_left 0 (${engine})`, async () => {
    const order = await paidOffline();
    const part = await refundOrder(order.id, { amount: 1_000 });
    expect(part.status, JSON.stringify(part.body)).toBe(200);
    expect(part.body.payment).toMatchObject({ order_id: order.id, kind: 'refund', amount: 1_000, status: 'paid' });
    expect(part.body.order).toMatchObject({ id: order.id, status: 'processing', payment_status: 'partially_refunded' });
    expect(part.body.order.payments.map((p: { kind: string; amount: number }) => [p.kind, p.amount])).toEqual([
      ['order', order.total],
      ['refund', 1_000],
    ]);

    const rest = await refundOrder(order.id);
    expect(rest.status).toBe(200);
    expect(rest.body.payment.amount).toBe(order.total - 1_000);
    expect(rest.body.order).toMatchObject({ status: 'processing', payment_status: 'refunded' });

    const none = await refundOrder(order.id, { amount: 1 });
    expectError(none, 409, 'conflict');
    expect(none.body.amount_left).toBe(0);
    const stored = await storedOrder(server, order.id);
    // An offline payment is refunded offline.
    expect(stored.payments.filter((p) => p.kind === 'refund').map((p) => [p.amount, p.gateway, p.gatewayRef])).toEqual([
      [1_000, 'offline', null],
      [order.total - 1_000, 'offline', null],
    ]);
  });

  it(`refunds a card payment through the gateway: the row keeps the refund's reference (${engine})`, async () => {
    const order = await paidByCard();
    const response = await refundOrder(order.id, { amount: 2_500 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const [refund] = (await storedOrder(server, order.id)).payments.filter((p) => p.kind === 'refund');
    expect(refund).toMatchObject({ amount: 2_500, status: 'succeeded', gateway: 'offline' });
    expect(refund?.gatewayRef).toMatch(/^re_offline_/);

    const tooMuch = await refundOrder(order.id, { amount: order.total });
    expectError(tooMuch, 409, 'conflict');
    expect(tooMuch.body.amount_left).toBe(order.total - 2_500);
  });

  it(`answers a retried refund (same Idempotency-Key) with the first answer, refunding once (${engine})`, async () => {
    const order = await paidByCard();
    const first = await refundOrder(order.id, { amount: 700 }, { key: `refund-${engine}-${order.id}` });
    const again = await refundOrder(order.id, { amount: 700 }, { key: `refund-${engine}-${order.id}` });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await storedOrder(server, order.id)).payments.filter((p) => p.kind === 'refund')).toHaveLength(1);
  });

  it(`refuses bad amounts (400), customers (403), unknown orders (404); nothing is written (${engine})`, async () => {
    const order = await paidOffline();
    for (const amount of [0, 1.5, 'ten'])
      expectError(await refundOrder(order.id, { amount }), 400, 'validation_failed');
    const over = await refundOrder(order.id, { amount: order.total + 1 });
    expectError(over, 400, 'validation_failed');
    expect(detailFields(over)).toEqual(['amount']);
    expectError(await refundOrder(order.id, {}, { token: customer.token }), 403, 'forbidden');
    expectError(await refundOrder(999_999), 404, 'not_found');
    expect((await storedOrder(server, order.id)).payments.filter((p) => p.kind === 'refund')).toEqual([]);
  });

  it(`refunds a rental installment; the rental's figures stay; 409 past what is left, 404 for unknown (${engine})`, async () => {
    const productId = await rentableProduct(server, staff.token);
    const rental = await activeRental(server, customer, productId);
    const paid = await pay(server, customer, rental.id);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const paymentId = paid.body.payment.id as number;

    const response = await refundPayment(rental.id, paymentId, { amount: 500 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.payment).toMatchObject({
      rental_id: rental.id,
      installment_no: 1,
      kind: 'refund',
      amount: 500,
      status: 'paid',
    });
    const { rental: before } = paid.body;
    for (const field of ['payments_made', 'remaining_balance', 'next_payment_date', 'remaining_payments']) {
      expect(response.body.rental[field], field).toEqual(before[field]);
    }
    const [row] = (await storedRental(server, rental.id)).payments.filter((p) => p.kind === 'refund');
    expect(row?.gatewayRef).toMatch(/^re_offline_/);

    const tooMuch = await refundPayment(rental.id, paymentId, { amount: RATE_3 });
    expectError(tooMuch, 409, 'conflict');
    expect(tooMuch.body.amount_left).toBe(RATE_3 - 500);
    expectError(await refundPayment(rental.id, 999_999), 404, 'not_found');
    expectError(await refundPayment(999_999, paymentId), 404, 'not_found');
    expect((await refundPayment(rental.id, paymentId)).body.payment.amount).toBe(RATE_3 - 500);
  });

  it(`lists the ledger's payments and refunds on the order receipt: date, kind, amount, net paid (${engine})`, async () => {
    const order = await paidOffline();
    const paidOn = server.clock.now().toISOString().slice(0, 10);
    // Last in the file: the clock only moves forward.
    await moveClockTo(server, new Date(server.clock.now().getTime() + 2 * 86_400_000).toISOString(), staff, customer);
    const refundedOn = server.clock.now().toISOString().slice(0, 10);
    expect((await refundOrder(order.id, { amount: 1_234 })).status).toBe(200);

    const response = await fetch(`${server.url}/api/orders/${order.id}/receipt`, {
      headers: { Authorization: `Bearer ${staff.token}` },
    });
    expect(response.status).toBe(200);
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain(`${paidOn} Payment (offline) ${formatMoney(order.total)}`);
    expect(text).toContain(`${refundedOn} Refund -$12.34`);
    expect(text).toContain(`Paid, net of refunds ${formatMoney(order.total - 1_234)}`);
    expect(text).toContain('Payment status: partially_refunded');
  });
});
