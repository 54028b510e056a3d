import { describe, expect, it } from 'vitest';
import { RecordedRefusal } from '@giggatek/domain';
import { rejectionOf } from '../ordering/harness.js';
import { AUTHENTICATE, DECLINE, PAY, RATE_12, rentingHarness } from './harness.js';

describe('makePayment', () => {
  it('charges the oldest unpaid installment first, each with its own ledger row', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const first = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const second = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });

    expect([first.payment, second.payment]).toMatchObject([
      { kind: 'installment', installmentNo: 1, amount: RATE_12, lateFee: 0, status: 'succeeded', gateway: 'offline' },
      { kind: 'installment', installmentNo: 2, amount: RATE_12, lateFee: 0, status: 'succeeded', gateway: 'offline' },
    ]);
    expect(first.payment.gatewayRef).toMatch(/^pi_offline_/);
    expect(second.view.rental).toMatchObject({ installmentsPaid: 2, userId: actor.userId });
    expect(second.view.rental.nextDueDate?.toString()).toBe('2026-05-01');
    expect(second.view.account).toMatchObject({
      paymentsMade: 2,
      remainingPayments: 10,
      paidTotal: 23_000,
      remainingBalance: 115_000,
    });
    expect(second.view.account.nextPaymentDate?.toString()).toBe('2026-05-01');
    expect(h.gateway.charges.map((c) => [c.amount, c.paymentMethodId, c.metadata])).toEqual([
      [RATE_12, PAY, { rental_id: String(rental.id), installment_no: '1', kind: 'installment' }],
      [RATE_12, PAY, { rental_id: String(rental.id), installment_no: '2', kind: 'installment' }],
    ]);
  });

  it('adds the late fee from the day after due + grace, by the clock', async () => {
    const h = rentingHarness();
    const onTime = await h.activeRental(12);
    const late = await h.activeRental(12);

    // Installment 1 is due 2026-03-01; the grace period ends on 2026-03-08.
    h.clock.set('2026-03-08T23:59:59.000Z');
    const lastFreeDay = await h.service.makePayment(onTime.actor, onTime.rental.id, { paymentMethodId: PAY });
    expect(lastFreeDay.payment).toMatchObject({ installmentNo: 1, amount: RATE_12, lateFee: 0 });

    h.clock.set('2026-03-09T00:00:00.000Z');
    const firstLateDay = await h.service.makePayment(late.actor, late.rental.id, { paymentMethodId: PAY });
    expect(firstLateDay.payment).toMatchObject({ installmentNo: 1, amount: RATE_12 + 500, lateFee: 500 });
    expect(firstLateDay.view.account).toMatchObject({ lateFeesPaid: 500, lateFeesDue: 0, remainingBalance: 126_500 });

    // The next installment, paid early, owes no fee.
    const early = await h.service.makePayment(late.actor, late.rental.id, { paymentMethodId: PAY });
    expect(early.payment).toMatchObject({ installmentNo: 2, amount: RATE_12, lateFee: 0 });
  });

  it('charges one late fee per late installment, once, however many attempts it takes', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    // Installments 1 (due 03-01) and 2 (due 04-01) are both past their grace periods.
    h.clock.set('2026-04-20T12:00:00.000Z');
    const { account } = await h.service.getRental(actor, rental.id);
    expect(account.lateFeesDue).toBe(1_000);
    expect(account.schedule.slice(0, 3).map((i) => [i.status, i.lateFee])).toEqual([
      ['late', 500],
      ['late', 500],
      ['due', 0],
    ]);

    await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: DECLINE }));
    const paid1 = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const paid2 = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    expect([paid1.payment, paid2.payment]).toMatchObject([
      { installmentNo: 1, amount: 12_000, lateFee: 500 },
      { installmentNo: 2, amount: 12_000, lateFee: 500 },
    ]);
    expect(paid2.view.account).toMatchObject({ lateFeesDue: 0, lateFeesPaid: 1_000, paidTotal: 23_000 });
  });

  it('records a decline as a failed row that the unit of work commits, and changes no balance', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const error = await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: DECLINE }));
    expect(error).toBeInstanceOf(RecordedRefusal);
    expect(error).toMatchObject({ code: 'payment_failed', message: expect.stringMatching(/\$115\.00.*declined/) });

    // The run threw, yet its ledger row stayed.
    const { rental: after, account } = await h.service.getRental(actor, rental.id);
    expect(after.payments).toMatchObject([
      {
        id: error.meta?.paymentId,
        installmentNo: 1,
        amount: RATE_12,
        status: 'failed',
        gatewayRef: expect.stringMatching(/^pi_offline_/),
      },
    ]);
    expect(after).toMatchObject({ installmentsPaid: 0, status: 'active' });
    expect(after.nextDueDate?.toString()).toBe('2026-03-01');
    expect(account).toMatchObject({ paymentsMade: 0, paidTotal: 0, remainingBalance: 138_000, remainingPayments: 12 });

    // Another card is a new attempt with a new gateway key, and pays the same installment.
    const retry = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    expect(retry.payment).toMatchObject({ installmentNo: 1, status: 'succeeded' });
    expect(h.gateway.charges.map((c) => c.idempotencyKey)).toEqual([
      `rental-${rental.id}-installment-1-attempt-1`,
      `rental-${rental.id}-installment-1-attempt-2`,
    ]);
  });

  it('answers payment_requires_action with the client secret and keeps a pending row', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const error = await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: AUTHENTICATE }));
    expect(error).toBeInstanceOf(RecordedRefusal);
    expect(error).toMatchObject({
      code: 'payment_requires_action',
      meta: { clientSecret: expect.stringMatching(/^pi_offline_\w+_secret_offline$/) },
    });
    const { rental: after, account } = await h.service.getRental(actor, rental.id);
    expect(after.payments).toMatchObject([
      { id: error.meta?.paymentId, installmentNo: 1, status: 'pending', gatewayRef: error.meta?.paymentIntentId },
    ]);
    expect(account).toMatchObject({ paymentsMade: 0, remainingBalance: 138_000 });
  });

  it('refuses a second charge of an installment whose payment awaits authentication, charging nothing', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const pending = await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: AUTHENTICATE }));
    const charges = h.gateway.charges.length;

    const again = await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: PAY }));
    expect(again).toMatchObject({
      code: 'conflict',
      meta: { paymentId: pending.meta?.paymentId, paymentIntentId: pending.meta?.paymentIntentId },
    });
    expect(again.message).toMatch(/installment 1 is waiting for the customer to authenticate/);
    expect(h.gateway.charges).toHaveLength(charges);
    const { rental: after } = await h.service.getRental(actor, rental.id);
    expect(after.payments.map((p) => p.status)).toEqual(['pending']);
  });

  it('completes the rental with the last installment and transfers ownership', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(3);
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const beforeLast = await h.service.getRental(actor, rental.id);
    expect(beforeLast.rental).toMatchObject({ status: 'active', ownershipTransferredAt: null });

    h.clock.set('2026-05-01T09:00:00.000Z');
    const last = await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    expect(last.payment).toMatchObject({ installmentNo: 3 });
    expect(last.view.rental).toMatchObject({
      status: 'completed',
      installmentsPaid: 3,
      nextDueDate: null,
      ownershipTransferredAt: new Date('2026-05-01T09:00:00.000Z'),
    });
    expect(last.view.account).toMatchObject({ remainingBalance: 0, remainingPayments: 0, buyout: null });
    expect(last.view.rental.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'active',
      toStatus: 'completed',
      actorUserId: actor.userId,
      note: 'the last installment was paid',
    });

    const after = await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: PAY }));
    expect(after).toMatchObject({ code: 'invalid_transition' });
    expect(h.gateway.charges).toHaveLength(3);
  });

  it('takes payments only on active rentals, charging nothing otherwise', async () => {
    const h = rentingHarness();
    const pending = await h.pendingRental();
    const returned = await h.activeRental();
    await h.service.returnRental(returned.actor, returned.rental.id);
    for (const { actor, rental } of [pending, returned]) {
      const error = await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: PAY }));
      expect(error).toMatchObject({
        code: 'invalid_transition',
        message: expect.stringMatching(/^only an active rental takes payments/),
      });
    }
    expect(h.gateway.charges).toEqual([]);
  });
});
