import { describe, expect, it } from 'vitest';
import { RentingService } from '@giggatek/domain';
import type { RentalRepository } from '@giggatek/domain';
import { rejectionOf } from '../ordering/harness.js';
import { PAY, rentingHarness, type RentingHarness } from './harness.js';

/** The harness's rentals, whose next ledger write fails once armed (a deadlock after the charge). */
function failingOnce(h: RentingHarness) {
  const state = { armed: false };
  const rentals: RentalRepository = Object.assign(Object.create(h.rentals) as RentalRepository, {
    recordPayment: (...args: Parameters<RentalRepository['recordPayment']>) => {
      if (state.armed) {
        state.armed = false;
        return Promise.reject(new Error('Deadlock found when trying to get lock'));
      }
      return h.rentals.recordPayment(...args);
    },
  });
  return { state, service: new RentingService({ ...h.deps, rentals }) };
}

describe('the gateway idempotency key of a rental charge', () => {
  it('is the same when a unit of work rolled back after the charge runs again, so the customer pays once', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const flaky = failingOnce(h);

    flaky.state.armed = true;
    const lost = await rejectionOf(flaky.service.makePayment(actor, rental.id, { paymentMethodId: PAY }));
    expect(lost.message).toMatch(/Deadlock/);
    expect((await h.rentals.findDetail(rental.id))?.payments).toEqual([]);

    const { payment } = await flaky.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const keys = h.gateway.charges.map((c) => c.idempotencyKey);
    expect(keys).toEqual([
      `rental-${rental.id}-installment-1-attempt-1`,
      `rental-${rental.id}-installment-1-attempt-1`,
    ]);
    // One charge at the gateway (one key, answered again), one ledger row of it.
    const { rental: after } = await h.service.getRental(actor, rental.id);
    expect(after.payments).toEqual([payment]);
    expect(after).toMatchObject({ installmentsPaid: 1 });
  });

  it('is new for the next installment and for a buyout', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    const amount = (await h.service.buyoutAmount(actor, rental.id)).amount;
    await h.service.processBuyout(actor, rental.id, { paymentMethodId: PAY, amount });
    expect(h.gateway.charges.map((c) => c.idempotencyKey)).toEqual([
      `rental-${rental.id}-installment-1-attempt-1`,
      `rental-${rental.id}-installment-2-attempt-1`,
      `rental-${rental.id}-buyout-attempt-1`,
    ]);
  });
});
