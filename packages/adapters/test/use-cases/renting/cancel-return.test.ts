import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../ordering/harness.js';
import { PAY, rentingHarness } from './harness.js';

describe('cancelRental', () => {
  it('cancels a pending rental and puts its unit back with a rental_back movement', async () => {
    const h = rentingHarness();
    const { actor, rental, product } = await h.pendingRental();
    expect(await h.stockOf(product.id)).toBe(2);

    const { rental: cancelled, account } = await h.service.cancelRental(actor, rental.id, 'changed my mind');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'pending',
      toStatus: 'cancelled',
      actorUserId: actor.userId,
      actorLabel: 'customer',
      note: 'changed my mind',
    });
    expect(account).toMatchObject({ remainingBalance: 0, remainingPayments: 0, nextInstallment: null });
    expect(await h.stockOf(product.id)).toBe(3);
    expect(await h.movementsOf(product.id)).toMatchObject([
      { delta: -1, reason: 'rental_out', rentalId: rental.id },
      { delta: 1, reason: 'rental_back', rentalId: rental.id, actorUserId: actor.userId },
    ]);

    // Once: a second cancel is a 409 and puts nothing back.
    expect(await rejectionOf(h.service.cancelRental(actor, rental.id))).toMatchObject({
      code: 'invalid_transition',
    });
    expect(await h.stockOf(product.id)).toBe(3);
  });

  it('lets staff cancel a pending rental', async () => {
    const h = rentingHarness();
    const { rental, product } = await h.pendingRental();
    const { actor: manager } = await h.person('manager');
    const { rental: cancelled } = await h.service.cancelRental(manager, rental.id);
    expect(cancelled.statusHistory.at(-1)).toMatchObject({ toStatus: 'cancelled', actorLabel: 'manager' });
    expect(await h.stockOf(product.id)).toBe(3);
  });

  it('refuses to cancel an active rental with a 409 that points to returning it', async () => {
    const h = rentingHarness();
    const { actor, rental, product } = await h.activeRental();
    const error = await rejectionOf(h.service.cancelRental(actor, rental.id));
    expect(error).toMatchObject({ code: 'invalid_transition' });
    expect(error.message).toMatch(/return the item instead \(POST \/api\/rentals\/:id\/return\)/);
    expect((await h.service.getRental(actor, rental.id)).rental.status).toBe('active');
    expect(await h.stockOf(product.id)).toBe(2);
  });
});

describe('returnRental', () => {
  it('returns an active rental: nothing more is owed, and no stock comes back until received', async () => {
    const h = rentingHarness();
    const { actor, rental, product } = await h.activeRental(12);
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    h.clock.set('2026-03-20T08:00:00.000Z');

    const { rental: returned, account } = await h.service.returnRental(actor, rental.id, 'no longer needed');
    expect(returned).toMatchObject({
      status: 'returned',
      returnedAt: new Date('2026-03-20T08:00:00.000Z'),
      receivedAt: null,
      nextDueDate: null,
    });
    expect(returned.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'active',
      toStatus: 'returned',
      actorLabel: 'customer',
      note: 'no longer needed',
    });
    expect(account).toMatchObject({ remainingBalance: 0, remainingPayments: 0, lateFeesDue: 0, buyout: null });
    expect(account.schedule.map((i) => i.status)).toEqual(['paid', ...Array<string>(11).fill('cancelled')]);
    expect(await h.stockOf(product.id)).toBe(2);
    expect(await h.movementsOf(product.id)).toMatchObject([{ reason: 'rental_out' }]);
  });

  it('returns a defaulted rental', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const { actor: manager } = await h.person('manager');
    h.clock.set('2026-04-01T12:00:00.000Z');
    await h.service.updateRental(manager, rental.id, { status: 'defaulted' });
    const { rental: returned } = await h.service.returnRental(actor, rental.id);
    expect(returned.status).toBe('returned');
    expect(returned.statusHistory.map((c) => c.toStatus)).toEqual(['pending', 'active', 'defaulted', 'returned']);
  });

  it('refuses pending and completed rentals with a 409', async () => {
    const h = rentingHarness();
    const pending = await h.pendingRental();
    const completed = await h.activeRental(3);
    for (let i = 0; i < 3; i += 1) {
      await h.service.makePayment(completed.actor, completed.rental.id, { paymentMethodId: PAY });
    }
    for (const { actor, rental } of [pending, completed]) {
      expect(await rejectionOf(h.service.returnRental(actor, rental.id))).toMatchObject({
        code: 'invalid_transition',
      });
    }
  });
});
