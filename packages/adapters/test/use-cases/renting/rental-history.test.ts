import { describe, expect, it } from 'vitest';
import { PAY, rentingHarness } from './harness.js';

describe('rental status history', () => {
  it('has one row per transition, naming who made it and when', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental(12);
    const { actor: manager } = await h.person('manager');
    h.clock.set('2026-04-01T09:00:00.000Z');
    await h.service.updateRental(manager, rental.id, { status: 'defaulted' });
    h.clock.set('2026-04-02T09:00:00.000Z');
    await h.service.updateRental(manager, rental.id, { status: 'active', paymentMethodId: PAY });
    h.clock.set('2026-04-03T09:00:00.000Z');
    await h.service.updateRental(manager, rental.id, { note: 'customer wants to return it' });
    await h.service.returnRental(actor, rental.id, 'moving abroad');
    h.clock.set('2026-04-06T09:00:00.000Z');
    const { rental: last } = await h.service.updateRental(manager, rental.id, { received: true });

    const c = actor.userId;
    const m = manager.userId;
    expect(
      last.statusHistory.map((row) => [
        row.fromStatus,
        row.toStatus,
        row.actorLabel,
        row.actorUserId,
        row.note,
        row.createdAt.toISOString().slice(0, 10),
      ]),
    ).toEqual([
      [null, 'pending', 'customer', c, null, '2026-03-01'],
      ['pending', 'active', 'customer', c, null, '2026-03-01'],
      ['active', 'defaulted', 'manager', m, null, '2026-04-01'],
      ['defaulted', 'active', 'manager', m, null, '2026-04-02'],
      ['active', 'active', 'manager', m, 'customer wants to return it', '2026-04-03'],
      ['active', 'returned', 'customer', c, 'moving abroad', '2026-04-03'],
      ['returned', 'returned', 'manager', m, 'unit received back into stock', '2026-04-06'],
    ]);
  });

  it('adds completed and cancelled rows', async () => {
    const h = rentingHarness();
    const bought = await h.activeRental(12);
    const { amount } = await h.service.buyoutAmount(bought.actor, bought.rental.id);
    const { view } = await h.service.processBuyout(bought.actor, bought.rental.id, { paymentMethodId: PAY, amount });
    expect(view.rental.statusHistory.map((row) => row.toStatus)).toEqual(['pending', 'active', 'completed']);

    const dropped = await h.pendingRental();
    const { rental } = await h.service.cancelRental(dropped.actor, dropped.rental.id);
    expect(rental.statusHistory.map((row) => [row.fromStatus, row.toStatus])).toEqual([
      [null, 'pending'],
      ['pending', 'cancelled'],
    ]);
  });
});

describe('contract', () => {
  it('names the customer and carries the figures of the day', async () => {
    const h = rentingHarness();
    const { actor, rental, user } = await h.activeRental(12);
    const contract = await h.service.contract(actor, rental.id);
    expect(contract.customer).toEqual({ firstName: user.firstName, lastName: 'Test', email: user.email });
    expect(contract.account.schedule).toHaveLength(12);
    expect(contract.asOf.toString()).toBe('2026-03-01');
  });
});
