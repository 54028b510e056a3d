import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../ordering/harness.js';
import { DECLINE, PAY, rentingHarness } from './harness.js';

describe('paymentReceipt', () => {
  it("shows the figures right after the payment, on the payment's day, whatever happened since", async () => {
    const h = rentingHarness();
    const { actor, rental, user } = await h.activeRental(12);
    const first = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    h.clock.set('2026-03-15T12:00:00.000Z');
    const second = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    h.clock.set('2026-04-20T12:00:00.000Z');
    await h.service.returnRental(actor, rental.id);

    const one = await h.service.paymentReceipt(actor, rental.id, first.payment.id);
    expect(one.payment).toEqual(first.payment);
    expect(one.customer).toEqual({ firstName: user.firstName, lastName: 'Test', email: user.email });
    expect(one.after).toMatchObject({ paymentsMade: 1, remainingPayments: 11, remainingBalance: 126_500 });
    expect(one.after.nextPaymentDate?.toString()).toBe('2026-04-01');
    // k = 1 on 2026-03-01: min(ceil(120 000 × 11 / 12), 120 000 − 11 500).
    expect(one.after.buyout).toMatchObject({ amount: 108_500 });
    expect(one.after.buyout?.on.toString()).toBe('2026-03-01');

    const two = await h.service.paymentReceipt(actor, rental.id, second.payment.id);
    // k = 2 on 2026-03-15: min(ceil(120 000 × 10 / 12), 120 000 − 23 000).
    expect(two.after).toMatchObject({ paymentsMade: 2, remainingPayments: 10, remainingBalance: 115_000 });
    expect(two.after.buyout).toMatchObject({ amount: 97_000 });
    expect(two.rental.status).toBe('returned');
  });

  it('shows a completed rental after its last installment', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(3);
    for (let i = 0; i < 2; i += 1) await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const last = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const receipt = await h.service.paymentReceipt(actor, rental.id, last.payment.id);
    expect(receipt.after).toMatchObject({ paymentsMade: 3, remainingPayments: 0, remainingBalance: 0, buyout: null });
  });

  it('has none for a declined payment or a payment of another rental; staff may read it', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const other = await h.activeRental(12);
    const otherPayment = await h.service.makePayment(other.actor, other.rental.id, { paymentMethodId: PAY });
    const declined = await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: DECLINE }));
    const paid = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });

    expect(
      await rejectionOf(h.service.paymentReceipt(actor, rental.id, declined.meta?.paymentId as number)),
    ).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(h.service.paymentReceipt(actor, rental.id, otherPayment.payment.id))).toMatchObject({
      code: 'not_found',
      message: 'payment not found',
    });
    const { actor: manager } = await h.person('manager');
    expect((await h.service.paymentReceipt(manager, rental.id, paid.payment.id)).after.paymentsMade).toBe(1);
  });
});
