import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../ordering/harness.js';
import { rentingHarness } from './harness.js';

describe('signContract', () => {
  it("starts the rental on the clock's UTC date and sets the end date, signature and IP", async () => {
    const h = rentingHarness();
    h.clock.set('2026-01-30T20:00:00.000Z');
    const { actor, rental } = await h.pendingRental(12);
    // 23:30 in Austin on Jan 30 is already Jan 31 in UTC.
    h.clock.set('2026-01-31T05:30:00.000Z');
    const { rental: signed, account } = await h.service.signContract(actor, rental.id, {
      signature: 'Ada Test',
      ip: '203.0.113.7',
    });
    expect(signed).toMatchObject({
      status: 'active',
      signature: 'Ada Test',
      signatureIp: '203.0.113.7',
      contractSignedAt: new Date('2026-01-31T05:30:00.000Z'),
    });
    expect(signed.startDate?.toString()).toBe('2026-01-31');
    expect(signed.nextDueDate?.toString()).toBe('2026-01-31');
    expect(signed.endDate?.toString()).toBe('2026-12-31');
    // Counted from the start, each clamped to its month's end.
    expect(account.schedule.slice(0, 4).map((i) => i.dueDate.toString())).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(signed.statusHistory.map((c) => [c.fromStatus, c.toStatus, c.actorLabel])).toEqual([
      [null, 'pending', 'customer'],
      ['pending', 'active', 'customer'],
    ]);
  });

  it('refuses a second signing with a 409 and keeps the first', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.activeRental();
    h.clock.advance(86_400_000);
    const error = await rejectionOf(h.service.signContract(actor, rental.id, { signature: 'Someone Else', ip: null }));
    expect(error).toMatchObject({ code: 'invalid_transition', message: 'the contract is already signed' });
    const { rental: after } = await h.service.getRental(actor, rental.id);
    expect(after).toMatchObject({ signature: 'Ada Test', contractSignedAt: rental.contractSignedAt });
    expect(after.statusHistory).toHaveLength(2);
  });

  it('refuses a cancelled rental', async () => {
    const h = rentingHarness();
    const { actor, rental } = await h.pendingRental();
    await h.service.cancelRental(actor, rental.id);
    const error = await rejectionOf(h.service.signContract(actor, rental.id, { signature: 'Ada Test', ip: null }));
    expect(error).toMatchObject({ code: 'invalid_transition', message: 'a cancelled rental cannot be signed' });
  });

  it('lets only the owner sign: another customer and staff get 404', async () => {
    const h = rentingHarness();
    const { rental } = await h.pendingRental();
    for (const role of ['customer', 'manager'] as const) {
      const { actor } = await h.person(role);
      const error = await rejectionOf(h.service.signContract(actor, rental.id, { signature: 'Mallory', ip: null }));
      expect(error).toMatchObject({ code: 'not_found', message: 'rental not found' });
    }
    expect((await h.rentals.findDetail(rental.id))?.status).toBe('pending');
  });
});
