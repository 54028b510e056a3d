import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from './support/accounts.js';
import { expectError } from './support/expect-error.js';
import { customerWithAddress, type Customer } from './support/orders.js';
import {
  activeRental,
  daysAfterSigning,
  DECLINED,
  LATE_FEE_3,
  moveClockTo,
  PAID,
  pay,
  pendingRental,
  PRICE,
  RATE_3,
  rentableProduct,
  SIGNING_DAY,
  startRentalServer,
  storedRental,
} from './support/rentals.js';
import { ENGINES, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('rentals: early buyout (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let customer: Customer;
  let productId: number;
  beforeAll(async () => {
    ({ server, staff } = await startRentalServer(engine));
    customer = await customerWithAddress(server);
    productId = await rentableProduct(server, staff.token, { stock: 20 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const amountOf = (rentalId: number) =>
    server.request('GET', `/api/rentals/${rentalId}/buyout-amount`, { token: customer.token });
  const buyout = (rentalId: number, amount: number, method = PAID, headers: Record<string, string> = {}) =>
    server.request('POST', `/api/rentals/${rentalId}/process-buyout`, {
      token: customer.token,
      body: { ...method, amount },
      headers,
    });

  it(`within the same-as-cash period it is what is left of the cash price (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    const before = await amountOf(rental.id);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toEqual({ buyout_amount: PRICE, currency: 'usd', valid_on: SIGNING_DAY });
    await pay(server, customer, rental.id);
    // pro_rata ceil(10 000 × 2 / 3) = 6 667; P − paid_total = 6 500 is less.
    expect((await amountOf(rental.id)).body.buyout_amount).toBe(PRICE - RATE_3);
    expect(
      (await server.request('GET', `/api/rentals/${rental.id}`, { token: customer.token })).body.rental.buyout_amount,
    ).toBe(PRICE - RATE_3);
  });

  it(`process-buyout charges the amount, completes the rental and transfers ownership (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    await pay(server, customer, rental.id);
    const response = await buyout(rental.id, PRICE - RATE_3);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.payment).toMatchObject({
      rental_id: rental.id,
      installment_no: null,
      kind: 'buyout',
      amount: PRICE - RATE_3,
      late_fee: 0,
      status: 'paid',
    });
    expect(response.body.rental).toMatchObject({
      status: 'completed',
      paid_total: PRICE,
      remaining_balance: 0,
      remaining_payments: 0,
      ownership_transferred_at: server.clock.now().toISOString(),
    });
    expect(response.body.rental.schedule.map((i: { status: string }) => i.status)).toEqual([
      'paid',
      'bought_out',
      'bought_out',
    ]);
    const stored = await storedRental(server, rental.id);
    expect(stored.status).toBe('completed');
    expect(stored.payments.map((p) => [p.kind, p.amount, p.status])).toEqual([
      ['installment', RATE_3, 'succeeded'],
      ['buyout', PRICE - RATE_3, 'succeeded'],
    ]);
    expectError(await amountOf(rental.id), 409, 'invalid_transition');
    expectError(await buyout(rental.id, 0), 409, 'invalid_transition');
  });

  it(`a stale amount is 409 amount_changed with the amount that holds; nothing is charged (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    const response = await buyout(rental.id, PRICE - 1);
    expectError(response, 409, 'amount_changed');
    expect(response.body).toMatchObject({ buyout_amount: PRICE, currency: 'usd', valid_on: SIGNING_DAY });
    const stored = await storedRental(server, rental.id);
    expect(stored.payments).toEqual([]);
    expect(stored.status).toBe('active');
  });

  it(`a declined buyout is 402 with a failed ledger row; the rental stays active (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    expectError(await buyout(rental.id, PRICE, DECLINED), 402, 'payment_failed');
    const stored = await storedRental(server, rental.id);
    expect(stored.payments.map((p) => [p.kind, p.amount, p.status])).toEqual([['buyout', PRICE, 'failed']]);
    expect(stored.status).toBe('active');
  });

  it(`only an active rental can be bought out (${engine})`, async () => {
    const pending = await pendingRental(server, customer, productId);
    expectError(await amountOf(pending.id), 409, 'invalid_transition');
    expectError(await buyout(pending.id, PRICE), 409, 'invalid_transition');
  });

  // Last: it moves the clock.
  it(`unpaid late fees are added; an amount quoted before they accrued is stale (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    const quoted = (await amountOf(rental.id)).body.buyout_amount;
    await moveClockTo(server, daysAfterSigning(8), customer);
    const now = await amountOf(rental.id);
    expect(now.body).toEqual({
      buyout_amount: PRICE + LATE_FEE_3,
      currency: 'usd',
      valid_on: daysAfterSigning(8).slice(0, 10),
    });
    const stale = await buyout(rental.id, quoted);
    expectError(stale, 409, 'amount_changed');
    expect(stale.body.buyout_amount).toBe(PRICE + LATE_FEE_3);
    const done = await buyout(rental.id, PRICE + LATE_FEE_3);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.payment).toMatchObject({ amount: PRICE + LATE_FEE_3, late_fee: LATE_FEE_3 });
    expect(done.body.rental).toMatchObject({ status: 'completed', late_fees_due: 0, paid_total: PRICE });
  });
});

describe.each(ENGINES)('rentals: buyout after the same-as-cash period (%s)', (engine) => {
  let server: TestServer;
  let customer: Customer;
  let rentalId: number;
  beforeAll(async () => {
    const started = await startRentalServer(engine);
    server = started.server;
    customer = await customerWithAddress(server);
    // $120.00 on 12 months: ceil(12 000 × 11 500 / 120 000) = 1 150 a month.
    const productId = await rentableProduct(server, started.staff.token, { price: 12_000 });
    rentalId = (await activeRental(server, customer, productId, 12)).id;
    // Installments 1–4, each on its due date: Jan 31, Feb 28, Mar 31, Apr 30.
    for (const [day, at] of [
      ['2026-01-31', null],
      ['2026-02-28', '2026-02-28T12:00:00.000Z'],
      ['2026-03-31', '2026-03-31T12:00:00.000Z'],
      ['2026-04-30', '2026-04-30T12:00:00.000Z'],
    ] as const) {
      if (at) await moveClockTo(server, at, customer);
      const paid = await pay(server, customer, rentalId);
      expect(paid.status, `${day}: ${JSON.stringify(paid.body)}`).toBe(200);
      expect(paid.body.payment.late_fee).toBe(0);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`on day 90 what is left of P (12 000 − 4 600); on day 91 the pro-rata ceil(12 000 × 8 / 12) (${engine})`, async () => {
    // Jan 31 + 90 days = May 1, the last same-as-cash day.
    await moveClockTo(server, '2026-05-01T12:00:00.000Z', customer);
    const lastDay = await server.request('GET', `/api/rentals/${rentalId}/buyout-amount`, { token: customer.token });
    expect(lastDay.body).toEqual({ buyout_amount: 7_400, currency: 'usd', valid_on: '2026-05-01' });
    await moveClockTo(server, '2026-05-02T12:00:00.000Z', customer);
    const after = await server.request('GET', `/api/rentals/${rentalId}/buyout-amount`, { token: customer.token });
    expect(after.body).toEqual({ buyout_amount: 8_000, currency: 'usd', valid_on: '2026-05-02' });
  });
});
