import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../ordering/harness.js';
import { DECLINE, PAY, RATE_12 } from '../renting/harness.js';
import { rentalRefundHarness } from './harness.js';

async function withPaidInstallments(count: number) {
  const t = rentalRefundHarness();
  const customer = await t.h.activeRental(12);
  const payments = [];
  for (let i = 0; i < count; i += 1) {
    payments.push(
      (await t.h.service.makePayment(customer.actor, customer.rental.id, { paymentMethodId: PAY })).payment,
    );
  }
  const manager = (await t.h.person('manager')).actor;
  return { ...t, ...customer, payments, manager };
}

describe('refundRentalPayment', () => {
  it('refunds an installment through the gateway; the rental figures do not move (the installment stays paid)', async () => {
    const t = await withPaidInstallments(2);
    const [first] = t.payments;
    if (!first) throw new Error('no payment');
    const before = await t.h.service.getRental(t.actor, t.rental.id);

    const refund = await t.refunds.refundRentalPayment(t.manager, t.rental.id, first.id, {});
    expect(refund).toMatchObject({
      rentalId: t.rental.id,
      orderId: null,
      installmentNo: 1,
      kind: 'refund',
      amount: RATE_12,
      lateFee: 0,
      status: 'succeeded',
      gateway: 'offline',
    });
    expect(refund.gatewayRef).toMatch(/^re_offline_/);
    expect(t.gateway.refunds).toEqual([
      {
        paymentRef: first.gatewayRef,
        amount: RATE_12,
        idempotencyKey: `refund-rental-payment-${first.id}-0`,
        metadata: { rental_id: String(t.rental.id), installment_no: '1' },
      },
    ]);
    const after = await t.h.service.getRental(t.actor, t.rental.id);
    expect(after.account).toEqual(before.account);
    expect(after.rental.installmentsPaid).toBe(2);
    expect(after.rental.payments.at(-1)).toEqual(refund);
    expect(after.rental.statusHistory.at(-1)?.note).toBe(`refunded $115.00 of installment 1 (payment #${first.id})`);
  });

  it('refunds one payment in parts, never more than it was; another installment keeps its own amount', async () => {
    const t = await withPaidInstallments(2);
    const [first, second] = t.payments;
    if (!first || !second) throw new Error('no payments');
    await t.refunds.refundRentalPayment(t.manager, t.rental.id, first.id, { amount: 10_000 });

    const tooMuch = await rejectionOf(
      t.refunds.refundRentalPayment(t.manager, t.rental.id, first.id, { amount: 1_501 }),
    );
    expect(tooMuch).toMatchObject({ code: 'conflict', meta: { amountLeft: 1_500 } });
    const outOfRange = await rejectionOf(
      t.refunds.refundRentalPayment(t.manager, t.rental.id, second.id, { amount: RATE_12 + 1 }),
    );
    expect(outOfRange).toMatchObject({ code: 'validation_failed', details: [{ field: 'amount' }] });

    const rest = await t.refunds.refundRentalPayment(t.manager, t.rental.id, first.id, {});
    expect(rest.amount).toBe(1_500);
    const whole = await t.refunds.refundRentalPayment(t.manager, t.rental.id, second.id, {});
    expect([whole.amount, whole.installmentNo]).toEqual([RATE_12, 2]);
    expect(t.gateway.refunds.map((r) => r.idempotencyKey)).toEqual([
      `refund-rental-payment-${first.id}-0`,
      `refund-rental-payment-${first.id}-1`,
      `refund-rental-payment-${second.id}-0`,
    ]);
    expect(await rejectionOf(t.refunds.refundRentalPayment(t.manager, t.rental.id, first.id, {}))).toMatchObject({
      code: 'conflict',
      message: 'nothing is left to refund',
    });
  });

  it('refunds a buyout (its refund row has no installment number)', async () => {
    const t = await withPaidInstallments(0);
    const quote = await t.h.service.buyoutAmount(t.actor, t.rental.id);
    const bought = await t.h.service.processBuyout(t.actor, t.rental.id, {
      paymentMethodId: PAY,
      amount: quote.amount,
    });
    const refund = await t.refunds.refundRentalPayment(t.manager, t.rental.id, bought.payment.id, { amount: 100 });
    expect(refund).toMatchObject({ kind: 'refund', installmentNo: null, amount: 100 });
    expect(t.gateway.refunds[0]?.metadata).toEqual({ rental_id: String(t.rental.id) });
    expect((await t.h.service.getRental(t.actor, t.rental.id)).rental.status).toBe('completed');
  });

  it('refuses a declined payment (409), a refund row, another rental’s payment and unknown ids (404), and customers', async () => {
    const t = await withPaidInstallments(1);
    const [paid] = t.payments;
    if (!paid) throw new Error('no payment');
    const declined = await rejectionOf(t.h.service.makePayment(t.actor, t.rental.id, { paymentMethodId: DECLINE }));
    const failedId = declined.meta?.paymentId as number;
    expect(await rejectionOf(t.refunds.refundRentalPayment(t.manager, t.rental.id, failedId, {}))).toMatchObject({
      code: 'conflict',
      message: `payment ${failedId} is failed: nothing to refund`,
    });
    const refund = await t.refunds.refundRentalPayment(t.manager, t.rental.id, paid.id, { amount: 1 });
    expect(await rejectionOf(t.refunds.refundRentalPayment(t.manager, t.rental.id, refund.id, {}))).toMatchObject({
      code: 'not_found',
    });
    const other = await t.h.activeRental(12);
    expect(await rejectionOf(t.refunds.refundRentalPayment(t.manager, other.rental.id, paid.id, {}))).toMatchObject({
      code: 'not_found',
    });
    expect(await rejectionOf(t.refunds.refundRentalPayment(t.manager, 9_999, paid.id, {}))).toMatchObject({
      code: 'not_found',
    });
    expect(await rejectionOf(t.refunds.refundRentalPayment(t.actor, t.rental.id, paid.id, {}))).toMatchObject({
      code: 'forbidden',
    });
    expect(t.gateway.refunds).toHaveLength(1);
  });

  it('two refunds of one payment at once that together exceed it: one succeeds, the other is a 409', async () => {
    const t = await withPaidInstallments(1);
    const [paid] = t.payments;
    if (!paid) throw new Error('no payment');
    const results = await Promise.allSettled([
      t.refunds.refundRentalPayment(t.manager, t.rental.id, paid.id, { amount: 10_000 }),
      t.refunds.refundRentalPayment(t.manager, t.rental.id, paid.id, { amount: 10_000 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rows = (await t.h.service.getRental(t.actor, t.rental.id)).rental.payments.filter((p) => p.kind === 'refund');
    expect(rows.map((p) => p.amount)).toEqual([10_000]);
  });
});
