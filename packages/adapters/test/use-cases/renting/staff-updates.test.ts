import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../ordering/harness.js';
import { DECLINE, PAY, rentingHarness } from './harness.js';

/** A 12-month rental signed 2026-03-01 and a manager; installment 1 may be defaulted from 2026-04-01. */
async function withManager() {
  const h = rentingHarness();
  const customer = await h.activeRental(12);
  const { actor: manager } = await h.person('manager');
  return { h, manager, ...customer };
}

describe('updateRental (staff)', () => {
  it('puts a returned unit back in stock once when it is received', async () => {
    const { h, manager, actor, rental, product } = await withManager();
    expect(await rejectionOf(h.service.updateRental(manager, rental.id, { received: true }))).toMatchObject({
      code: 'invalid_transition',
      message: 'only a returned rental can be received back',
    });
    await h.service.returnRental(actor, rental.id);
    expect(await h.stockOf(product.id)).toBe(2);

    h.clock.set('2026-03-05T10:00:00.000Z');
    const { rental: received } = await h.service.updateRental(manager, rental.id, { received: true });
    expect(received).toMatchObject({ status: 'returned', receivedAt: new Date('2026-03-05T10:00:00.000Z') });
    expect(received.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'returned',
      toStatus: 'returned',
      actorUserId: manager.userId,
      note: 'unit received back into stock',
    });
    expect(await h.stockOf(product.id)).toBe(3);
    expect(await h.movementsOf(product.id)).toMatchObject([
      { reason: 'rental_out', delta: -1 },
      { reason: 'rental_back', delta: 1, rentalId: rental.id, actorUserId: manager.userId },
    ]);

    expect(await rejectionOf(h.service.updateRental(manager, rental.id, { received: true }))).toMatchObject({
      code: 'invalid_transition',
      message: 'the unit was already received',
    });
    expect(await h.stockOf(product.id)).toBe(3);
  });

  it('returns and receives in one update', async () => {
    const { h, manager, rental, product } = await withManager();
    const { rental: after } = await h.service.updateRental(manager, rental.id, {
      status: 'returned',
      received: true,
      note: 'brought to the store',
    });
    expect(after).toMatchObject({ status: 'returned', receivedAt: h.clock.now() });
    expect(after.statusHistory.slice(2).map((c) => [c.fromStatus, c.toStatus, c.note])).toEqual([
      ['active', 'returned', 'brought to the store'],
      ['returned', 'returned', 'unit received back into stock'],
    ]);
    expect(await h.stockOf(product.id)).toBe(3);
  });

  it('marks defaulted only when an installment is more than default_after_days overdue', async () => {
    const { h, manager, actor, rental } = await withManager();
    h.clock.set('2026-03-31T23:59:59.000Z');
    const early = await rejectionOf(h.service.updateRental(manager, rental.id, { status: 'defaulted' }));
    expect(early).toMatchObject({ code: 'invalid_transition' });
    expect(early.message).toMatch(/installment 1 \(due 2026-03-01\).*marked defaulted from 2026-04-01/);

    h.clock.set('2026-04-01T00:00:00.000Z');
    const { rental: defaulted } = await h.service.updateRental(manager, rental.id, {
      status: 'defaulted',
      note: 'no answer to three calls',
    });
    expect(defaulted).toMatchObject({ status: 'defaulted', defaultedAt: new Date('2026-04-01T00:00:00.000Z') });
    expect(defaulted.statusHistory.slice(2)).toMatchObject([
      { fromStatus: 'active', toStatus: 'defaulted', actorLabel: 'manager', note: 'no answer to three calls' },
    ]);
    // A defaulted rental takes no payment from the customer until reinstated.
    expect(await rejectionOf(h.service.makePayment(actor, rental.id, { paymentMethodId: PAY }))).toMatchObject({
      code: 'invalid_transition',
    });
  });

  it('counts the overdue days from the oldest unpaid installment', async () => {
    const { h, manager, actor, rental } = await withManager();
    await h.service.makePayment(actor, rental.id, { paymentMethodId: PAY });
    // Installment 2 is due 2026-04-01: defaultable from 2026-05-02.
    h.clock.set('2026-05-01T12:00:00.000Z');
    expect((await rejectionOf(h.service.updateRental(manager, rental.id, { status: 'defaulted' }))).message).toMatch(
      /from 2026-05-02/,
    );
    h.clock.set('2026-05-02T12:00:00.000Z');
    expect((await h.service.updateRental(manager, rental.id, { status: 'defaulted' })).rental.status).toBe('defaulted');
  });

  it('reinstates after charging the arrears, and refuses without a payment method', async () => {
    const { h, manager, rental } = await withManager();
    h.clock.set('2026-04-01T12:00:00.000Z');
    await h.service.updateRental(manager, rental.id, { status: 'defaulted' });
    h.clock.set('2026-04-03T12:00:00.000Z');

    // Installment 1 (late: $115 + $5) and installment 2 (due 04-01, within its grace period).
    const refused = await rejectionOf(h.service.updateRental(manager, rental.id, { status: 'active' }));
    expect(refused).toMatchObject({ code: 'conflict', meta: { arrears: 23_500, currency: 'usd' } });
    expect(refused.message).toMatch(/\$235\.00.*payment_method_id/);
    expect((await h.rentals.findDetail(rental.id))?.status).toBe('defaulted');

    const { rental: reinstated, account } = await h.service.updateRental(manager, rental.id, {
      status: 'active',
      paymentMethodId: PAY,
      note: 'arrears paid by phone',
    });
    expect(reinstated).toMatchObject({ status: 'active', defaultedAt: null, installmentsPaid: 2 });
    expect(reinstated.nextDueDate?.toString()).toBe('2026-05-01');
    expect(reinstated.payments).toMatchObject([
      { installmentNo: 1, amount: 12_000, lateFee: 500, status: 'succeeded' },
      { installmentNo: 2, amount: 11_500, lateFee: 0, status: 'succeeded' },
    ]);
    expect(account).toMatchObject({ arrears: 0, paymentsMade: 2, remainingBalance: 115_000 });
    expect(reinstated.statusHistory.slice(2).map((c) => [c.fromStatus, c.toStatus, c.note])).toEqual([
      ['active', 'defaulted', null],
      ['defaulted', 'active', 'arrears paid by phone'],
    ]);
  });

  it('completes the rental when the arrears it charges on reinstating are its last installments', async () => {
    const h = rentingHarness();
    const manager = (await h.person('manager')).actor;
    const { rental } = await h.activeRental(3);
    // Signed 2026-03-01: installments due 03-01, 04-01 and 05-01, none paid by 06-15.
    h.clock.set('2026-06-15T12:00:00.000Z');
    await h.service.updateRental(manager, rental.id, { status: 'defaulted' });

    const { rental: after, account } = await h.service.updateRental(manager, rental.id, {
      status: 'active',
      paymentMethodId: PAY,
    });
    expect(after.payments.map((p) => [p.installmentNo, p.status])).toEqual([
      [1, 'succeeded'],
      [2, 'succeeded'],
      [3, 'succeeded'],
    ]);
    expect(after).toMatchObject({ status: 'completed', ownershipTransferredAt: h.clock.now(), nextDueDate: null });
    expect(account).toMatchObject({ remainingBalance: 0, remainingPayments: 0, arrears: 0 });
    expect(after.statusHistory.slice(-2).map((c) => [c.fromStatus, c.toStatus])).toEqual([
      ['defaulted', 'active'],
      ['active', 'completed'],
    ]);
  });

  it('stays defaulted when the arrears are declined, keeping the failed row', async () => {
    const { h, manager, rental } = await withManager();
    h.clock.set('2026-04-01T12:00:00.000Z');
    await h.service.updateRental(manager, rental.id, { status: 'defaulted' });
    const error = await rejectionOf(
      h.service.updateRental(manager, rental.id, { status: 'active', paymentMethodId: DECLINE }),
    );
    expect(error).toMatchObject({ code: 'payment_failed' });
    const after = await h.rentals.findDetail(rental.id);
    expect(after).toMatchObject({ status: 'defaulted', payments: [{ installmentNo: 1, status: 'failed' }] });
  });

  it('adds a note alone, once, with the status unchanged', async () => {
    const { h, manager, rental } = await withManager();
    const { rental: noted } = await h.service.updateRental(manager, rental.id, { note: 'customer called' });
    expect(noted.status).toBe('active');
    expect(noted.statusHistory.slice(2)).toMatchObject([
      { fromStatus: 'active', toStatus: 'active', actorLabel: 'manager', note: 'customer called' },
    ]);
  });

  it('writes a note sent with a status change once, on the change', async () => {
    const { h, manager, rental } = await withManager();
    h.clock.set('2026-04-01T12:00:00.000Z');
    const { rental: defaulted } = await h.service.updateRental(manager, rental.id, {
      status: 'defaulted',
      note: 'sent to collections',
    });
    expect(defaulted.statusHistory.filter((c) => c.note === 'sent to collections')).toMatchObject([
      { fromStatus: 'active', toStatus: 'defaulted' },
    ]);
  });

  it('refuses an empty update and a status the rental already has', async () => {
    const { h, manager, rental } = await withManager();
    expect(await rejectionOf(h.service.updateRental(manager, rental.id, {}))).toMatchObject({
      code: 'validation_failed',
    });
    expect(await rejectionOf(h.service.updateRental(manager, rental.id, { status: 'active' }))).toMatchObject({
      code: 'invalid_transition',
      message: 'the rental is already active',
    });
  });

  it('cancels a pending rental with its unit back', async () => {
    const h = rentingHarness();
    const { rental, product } = await h.pendingRental();
    const { actor: admin } = await h.person('admin');
    const { rental: cancelled } = await h.service.updateRental(admin, rental.id, { status: 'cancelled' });
    expect(cancelled.statusHistory.at(-1)).toMatchObject({ toStatus: 'cancelled', actorLabel: 'admin' });
    expect(await h.stockOf(product.id)).toBe(3);
  });

  it('is forbidden to customers, the owner included', async () => {
    const { h, actor, rental } = await withManager();
    expect(await rejectionOf(h.service.updateRental(actor, rental.id, { note: 'hi' }))).toMatchObject({
      code: 'forbidden',
    });
    expect(await rejectionOf(h.service.listAllRentals(actor, { page: 1, perPage: 10 }))).toMatchObject({
      code: 'forbidden',
    });
    expect((await h.rentals.findDetail(rental.id))?.statusHistory).toHaveLength(2);
  });
});
