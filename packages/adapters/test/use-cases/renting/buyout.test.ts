import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../ordering/harness.js';
import { DECLINE, PAY, PRICE, rentingHarness } from './harness.js';

describe('buyoutAmount and processBuyout', () => {
  it('follows the SPEC formula in and after the same-as-cash period', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    // Signed 2026-03-01: same-as-cash through 2026-05-30. Nothing paid: P.
    expect(await h.service.buyoutAmount(actor, rental.id)).toMatchObject({
      amount: PRICE,
      proRata: PRICE,
      base: PRICE,
      sameAsCash: true,
      lateFees: 0,
    });

    // k = 1: pro_rata = ceil(120 000 × 11 / 12) = 110 000; base = min(110 000, 120 000 − 11 500).
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const inPeriod = await h.service.buyoutAmount(actor, rental.id);
    expect(inPeriod).toMatchObject({ amount: 108_500, proRata: 110_000, base: 108_500, sameAsCash: true });
    expect(inPeriod.sameAsCashUntil.toString()).toBe('2026-05-30');

    // 2026-06-15: past the period, base = pro_rata; installments 2, 3 and 4 (due 06-01) are late.
    h.clock.set('2026-06-15T12:00:00.000Z');
    expect(await h.service.buyoutAmount(actor, rental.id)).toMatchObject({
      amount: 110_000 + 1_500,
      base: 110_000,
      lateFees: 1_500,
      sameAsCash: false,
    });
  });

  it('refuses a stale amount with amount_changed and the current amount in meta, charging nothing', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const quoted = await h.service.buyoutAmount(actor, rental.id);
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const charges = h.gateway.charges.length;

    const error = await rejectionOf(
      h.service.processBuyout(actor, rental.id, { paymentMethodId: PAY, amount: quoted.amount }),
    );
    expect(error).toMatchObject({
      code: 'amount_changed',
      meta: { buyoutAmount: 108_500, currency: 'usd', validOn: '2026-03-01' },
    });
    expect(error.message).toContain('$1,085.00');
    expect(h.gateway.charges).toHaveLength(charges);
    expect((await h.service.getRental(actor, rental.id)).rental.status).toBe('active');
  });

  it('completes the rental with a buyout row and transfers ownership', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    h.clock.set('2026-03-10T15:00:00.000Z');
    const { amount } = await h.service.buyoutAmount(actor, rental.id);
    const { payment, view } = await h.service.processBuyout(actor, rental.id, { paymentMethodId: PAY, amount });

    expect(payment).toMatchObject({ kind: 'buyout', installmentNo: null, amount: 108_500, status: 'succeeded' });
    expect(view.rental).toMatchObject({
      status: 'completed',
      ownershipTransferredAt: new Date('2026-03-10T15:00:00.000Z'),
      nextDueDate: null,
    });
    expect(view.account).toMatchObject({ boughtOut: true, remainingBalance: 0, paidTotal: PRICE });
    expect(view.account.schedule.map((i) => i.status)).toEqual(['paid', ...Array<string>(11).fill('bought_out')]);
    expect(view.rental.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'active',
      toStatus: 'completed',
      note: 'bought out (early purchase option)',
    });
  });

  it('completes a buyout of $0 (paid ahead within same-as-cash) without asking the gateway, recording it', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    // 11 × 11 500 = 126 500 ≥ P on day one: what is left of the cash price is nothing.
    for (let paid = 0; paid < 11; paid += 1) {
      await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    }
    expect(await h.service.buyoutAmount(actor, rental.id)).toMatchObject({ amount: 0, base: 0, sameAsCash: true });
    const charges = h.gateway.charges.length;

    const { payment, view } = await h.service.processBuyout(actor, rental.id, { paymentMethodId: PAY, amount: 0 });
    expect(payment).toMatchObject({
      kind: 'buyout',
      amount: 0,
      status: 'succeeded',
      gateway: 'none',
      gatewayRef: null,
    });
    expect(h.gateway.charges).toHaveLength(charges);
    expect(view.rental.status).toBe('completed');
    expect(view.rental.ownershipTransferredAt).toEqual(h.clock.now());
    expect(view.account).toMatchObject({ remainingBalance: 0, remainingPayments: 0, boughtOut: true });
  });

  it('keeps the rental active after a declined buyout, with its failed row', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const error = await rejectionOf(
      h.service.processBuyout(actor, rental.id, { paymentMethodId: DECLINE, amount: PRICE }),
    );
    expect(error).toMatchObject({ code: 'payment_failed' });
    const { rental: after, account } = await h.service.getRental(actor, rental.id);
    expect(after.status).toBe('active');
    expect(after.payments).toMatchObject([{ kind: 'buyout', status: 'failed', amount: PRICE }]);
    expect(account).toMatchObject({ boughtOut: false, buyout: { amount: PRICE } });
  });

  it('refuses rentals that are not active with a 409', async () => {
    const h = rentingHarness();
    const pending = await h.pendingRental();
    const returned = await h.activeRental();
    await h.service.returnRental(returned.actor, returned.rental.id);
    for (const { actor, rental } of [pending, returned]) {
      expect(await rejectionOf(h.service.buyoutAmount(actor, rental.id))).toMatchObject({
        code: 'invalid_transition',
      });
      expect(
        await rejectionOf(h.service.processBuyout(actor, rental.id, { paymentMethodId: PAY, amount: PRICE })),
      ).toMatchObject({ code: 'invalid_transition' });
    }
    expect(h.gateway.charges).toEqual([]);
  });
});
