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
  NEEDS_ACTION,
  pay,
  pendingRental,
  RATE_3,
  rentableProduct,
  startRentalServer,
  storedRental,
  TOTAL_3,
} from './support/rentals.js';
import { ENGINES, type TestServer } from './support/test-server.js';

describe.each(ENGINES)('rentals: installments (%s)', (engine) => {
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

  it(`pm_test_ pays the oldest installment: {payment, rental}, status paid, figures moved (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    const response = await pay(server, customer, rental.id);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.payment).toEqual({
      id: expect.any(Number),
      rental_id: rental.id,
      installment_no: 1,
      kind: 'installment',
      amount: RATE_3,
      late_fee: 0,
      currency: 'usd',
      status: 'paid',
      created_at: server.clock.now().toISOString(),
    });
    expect(response.body.rental).toMatchObject({
      status: 'active',
      payments_made: 1,
      remaining_payments: 2,
      next_payment_date: '2026-02-28',
      paid_total: RATE_3,
      remaining_balance: TOTAL_3 - RATE_3,
      late_fees_due: 0,
    });
    expect(response.body.rental.schedule[0]).toMatchObject({
      status: 'paid',
      paid_at: server.clock.now().toISOString(),
      payment_id: response.body.payment.id,
    });
    expect(response.body.rental.payments).toEqual([response.body.payment]);
    const stored = await storedRental(server, rental.id);
    expect(stored.payments.map((p) => [p.kind, p.installmentNo, p.amount, p.status])).toEqual([
      ['installment', 1, RATE_3, 'succeeded'],
    ]);
    expect(stored.installmentsPaid).toBe(1);
  });

  it(`pm_fail_ is 402 payment_failed: a failed ledger row stays, no balance moves (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    const response = await pay(server, customer, rental.id, DECLINED);
    expectError(response, 402, 'payment_failed');
    expect(response.body.error).toMatch(/declined/);
    const stored = await storedRental(server, rental.id);
    expect(stored.payments.map((p) => [p.kind, p.installmentNo, p.amount, p.status])).toEqual([
      ['installment', 1, RATE_3, 'failed'],
    ]);
    expect(response.body.payment_id).toBe(stored.payments[0]?.id);
    expect(stored.installmentsPaid).toBe(0);
    const detail = (await server.request('GET', `/api/rentals/${rental.id}`, { token: customer.token })).body.rental;
    expect(detail).toMatchObject({ payments_made: 0, paid_total: 0, remaining_balance: TOTAL_3 });
    expect(detail.payments).toEqual([expect.objectContaining({ status: 'failed', installment_no: 1 })]);

    // Another card afterwards pays installment 1.
    const retried = await pay(server, customer, rental.id);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.payment.installment_no).toBe(1);
    expect(retried.body.rental.payments.map((p: { status: string }) => p.status)).toEqual(['failed', 'paid']);
  });

  it(`pm_3ds_ is 402 payment_requires_action with the client_secret; nothing is paid yet (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    const response = await pay(server, customer, rental.id, NEEDS_ACTION);
    expectError(response, 402, 'payment_requires_action');
    expect(response.body.client_secret).toMatch(/^pi_offline_\w+_secret_offline$/);
    expect(response.body.payment_intent_id).toMatch(/^pi_offline_/);
    const stored = await storedRental(server, rental.id);
    expect(stored.payments.map((p) => [p.status, p.gatewayRef])).toEqual([
      ['pending', response.body.payment_intent_id],
    ]);
    expect(stored.installmentsPaid).toBe(0);
  });

  it(`only an active rental takes payments (${engine})`, async () => {
    const pending = await pendingRental(server, customer, productId);
    expectError(await pay(server, customer, pending.id), 409, 'invalid_transition');
    expect((await storedRental(server, pending.id)).payments).toEqual([]);
  });

  it(`paying every installment completes the rental and transfers ownership (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    for (const n of [1, 2]) expect((await pay(server, customer, rental.id)).body.payment.installment_no).toBe(n);
    const last = await pay(server, customer, rental.id);
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(last.body.payment.installment_no).toBe(3);
    expect(last.body.rental).toMatchObject({
      status: 'completed',
      payments_made: 3,
      remaining_payments: 0,
      next_payment_date: null,
      paid_total: TOTAL_3,
      remaining_balance: 0,
      buyout_amount: null,
      ownership_transferred_at: server.clock.now().toISOString(),
    });
    expect(last.body.rental.status_history.map((c: { to: string }) => c.to)).toEqual([
      'pending',
      'active',
      'completed',
    ]);
    expect((await storedRental(server, rental.id)).ownershipTransferredAt).toEqual(server.clock.now());
    expectError(await pay(server, customer, rental.id), 409, 'invalid_transition');
    expect((await storedRental(server, rental.id)).payments).toHaveLength(3);
  });

  it(`a succeeded payment has a PDF receipt; a failed one and another rental's payment are 404 (${engine})`, async () => {
    const rental = await activeRental(server, customer, productId);
    const failed = await pay(server, customer, rental.id, DECLINED);
    const paid = (await pay(server, customer, rental.id)).body.payment;
    const response = await fetch(`${server.url}/api/rentals/${rental.id}/payments/${paid.id}/receipt`, {
      headers: { Authorization: `Bearer ${customer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="giggatek-rental-${rental.id}-payment-${paid.id}.pdf"`,
    );
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    const receipt = (paymentId: number, rentalId = rental.id) =>
      server.request('GET', `/api/rentals/${rentalId}/payments/${paymentId}/receipt`, { token: customer.token });
    expectError(await receipt(failed.body.payment_id), 404, 'not_found');
    expectError(await receipt(987_654), 404, 'not_found');
    const other = await activeRental(server, customer, productId);
    expectError(await receipt(paid.id, other.id), 404, 'not_found');
  });

  it(`the contract is a PDF, before and after signing (${engine})`, async () => {
    const pending = await pendingRental(server, customer, productId);
    for (const id of [pending.id, (await activeRental(server, customer, productId)).id]) {
      const response = await fetch(`${server.url}/api/rentals/${id}/contract`, {
        headers: { Authorization: `Bearer ${customer.token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename="giggatek-rental-${id}-contract.pdf"`);
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
    }
  });

  // Last: it moves the clock. Installment 1 is due on the signing day; the fee starts after 7 days of grace.
  it(`an installment paid after due date + grace_days carries one late fee; within grace none (${engine})`, async () => {
    const onTime = await activeRental(server, customer, productId);
    const late = await activeRental(server, customer, productId);

    await moveClockTo(server, daysAfterSigning(7), customer);
    const lastGraceDay = await pay(server, customer, onTime.id);
    expect(lastGraceDay.body.payment).toMatchObject({ amount: RATE_3, late_fee: 0 });

    await moveClockTo(server, daysAfterSigning(8), customer);
    const before = (await server.request('GET', `/api/rentals/${late.id}`, { token: customer.token })).body.rental;
    expect(before).toMatchObject({ late_fees_due: LATE_FEE_3, remaining_balance: TOTAL_3 });
    expect(before.schedule[0]).toMatchObject({ status: 'late', late_fee: LATE_FEE_3 });
    expect(before.schedule[1]).toMatchObject({ status: 'due', late_fee: 0 });

    const paid = await pay(server, customer, late.id);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.payment).toMatchObject({ installment_no: 1, amount: RATE_3 + LATE_FEE_3, late_fee: LATE_FEE_3 });
    // Late fees are not part of the total of payments.
    expect(paid.body.rental).toMatchObject({
      late_fees_due: 0,
      paid_total: RATE_3,
      remaining_balance: TOTAL_3 - RATE_3,
    });
    expect(paid.body.rental.schedule[0]).toMatchObject({ status: 'paid', late_fee: LATE_FEE_3 });
    expect((await storedRental(server, late.id)).payments[0]).toMatchObject({
      amount: RATE_3 + LATE_FEE_3,
      lateFee: LATE_FEE_3,
    });
  });
});
