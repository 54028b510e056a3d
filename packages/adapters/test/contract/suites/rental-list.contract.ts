import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, Rental, RentalRecord, RentalRepository } from '@giggatek/domain';
import {
  createProduct,
  createTestUser,
  day,
  minutesAfter,
  newRental,
  rentalPayment,
  sign,
  staff,
  t0,
  type MakeRentalFixture,
  type RentalFixture,
} from './rental-fixtures.js';

/** listForUser and listAll: newest first (ties by id), paging, filters, ledger rows included. */
export function describeRentalListContract(name: string, makeFixture: MakeRentalFixture): void {
  describe(`RentalRepository list contract (${name})`, () => {
    let fixture: RentalFixture;
    let rentals: RentalRepository;
    let alice: Id;
    let bob: Id;
    let bobEmail: string;
    /**
     * a1 (t0, pending), a2 and a3 (both t0+10, a tie: a2 active with installment 1 paid,
     * next due Feb 1; a3 cancelled), b1 (t0+20, active, next due Feb 10, one payment),
     * b2 (t0+30, defaulted, next due Jan 5).
     */
    let made: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2', Rental>;
    beforeEach(async () => {
      fixture = await makeFixture();
      rentals = fixture.rentals;
      const gpu = await createProduct(fixture.products, 'RTX 3080', 10);
      alice = await createTestUser(fixture.users);
      bob = await createTestUser(fixture.users);
      bobEmail = (await fixture.users.findById(bob))?.email ?? '';
      const manager = staff(await createTestUser(fixture.users));
      const create = (userId: Id, minutes: number) =>
        rentals.createTakingStock(newRental(userId, gpu, { createdAt: minutesAfter(minutes) }));
      made = {
        a1: await create(alice, 0),
        a2: await create(alice, 10),
        a3: await create(alice, 10),
        b1: await create(bob, 20),
        b2: await create(bob, 30),
      };
      await sign(rentals, made.a2, day('2026-01-01'));
      await rentals.recordPayment(
        made.a2.id,
        rentalPayment(made.a2),
        { installmentsPaid: 1, nextDueDate: day('2026-02-01') },
        t0,
      );
      await rentals.changeStatus(made.a3.id, { from: 'pending', to: 'cancelled', actor: manager, note: null, now: t0 });
      await sign(rentals, made.b1, day('2026-02-10'));
      await rentals.recordPayment(made.b1.id, rentalPayment(made.b1, { status: 'failed' }), null, t0);
      await sign(rentals, made.b2, day('2026-01-05'));
      await rentals.changeStatus(made.b2.id, { from: 'active', to: 'defaulted', actor: manager, note: null, now: t0 });
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const ids = (list: RentalRecord[]): Id[] => list.map((rental) => rental.id);
    const idsOf = (...names: Array<keyof typeof made>): Id[] => names.map((n) => made[n].id);

    it("lists a user's own rentals newest first, the later id first on a tie, with their own ledger rows", async () => {
      const page = await rentals.listForUser(alice, { page: 1, perPage: 10 });
      expect(ids(page.items)).toEqual(idsOf('a3', 'a2', 'a1'));
      expect(page).toMatchObject({ total: 3, page: 1, perPage: 10 });
      expect(page.items.map((r) => r.payments.map((p) => [p.rentalId, p.installmentNo, p.status]))).toEqual([
        [],
        [[made.a2.id, 1, 'succeeded']],
        [],
      ]);
      expect(page.items[1]).toMatchObject({ status: 'active', installmentsPaid: 1, nextDueDate: day('2026-02-01') });
    });

    it('pages a user list and filters it by status', async () => {
      const second = await rentals.listForUser(alice, { page: 2, perPage: 2 });
      expect(ids(second.items)).toEqual(idsOf('a1'));
      expect(second.total).toBe(3);
      const active = await rentals.listForUser(alice, { page: 1, perPage: 10, status: 'active' });
      expect(ids(active.items)).toEqual(idsOf('a2'));
      expect(active.total).toBe(1);
      expect((await rentals.listForUser(bob, { page: 1, perPage: 10, status: 'cancelled' })).total).toBe(0);
      expect((await rentals.listForUser(alice, { page: 3, perPage: 2 })).items).toEqual([]);
    });

    it('lists every rental for staff, newest first, paged, each with its own ledger rows', async () => {
      const first = await rentals.listAll({ page: 1, perPage: 3 });
      expect(ids(first.items)).toEqual(idsOf('b2', 'b1', 'a3'));
      expect(first.total).toBe(5);
      expect(first.items[1]?.payments.map((p) => [p.rentalId, p.status])).toEqual([[made.b1.id, 'failed']]);
      expect(ids((await rentals.listAll({ page: 2, perPage: 3 })).items)).toEqual(idsOf('a2', 'a1'));
    });

    it("filters staff lists by status and by the customer's email, ignoring letter case", async () => {
      expect(ids((await rentals.listAll({ page: 1, perPage: 10, status: 'active' })).items)).toEqual(idsOf('b1', 'a2'));
      const byEmail = await rentals.listAll({ page: 1, perPage: 10, customerEmail: bobEmail.toUpperCase() });
      expect(ids(byEmail.items)).toEqual(idsOf('b2', 'b1'));
      expect(byEmail.total).toBe(2);
      expect((await rentals.listAll({ page: 1, perPage: 10, customerEmail: 'nobody@example.com' })).total).toBe(0);
    });

    it('lists as overdue the active or defaulted rentals whose next installment was due before the day', async () => {
      const overdue = await rentals.listAll({ page: 1, perPage: 10, overdueOn: day('2026-02-10') });
      // b1 is due on the day itself: not overdue yet.
      expect(ids(overdue.items)).toEqual(idsOf('b2', 'a2'));
      expect(overdue.total).toBe(2);
      expect(ids((await rentals.listAll({ page: 1, perPage: 10, overdueOn: day('2026-02-11') })).items)).toEqual(
        idsOf('b2', 'b1', 'a2'),
      );
      expect(ids((await rentals.listAll({ page: 1, perPage: 10, overdueOn: day('2026-02-01') })).items)).toEqual(
        idsOf('b2'),
      );
      const bobActiveOverdue = await rentals.listAll({
        page: 1,
        perPage: 10,
        overdueOn: day('2026-02-10'),
        status: 'active',
        customerEmail: bobEmail,
      });
      expect(bobActiveOverdue.total).toBe(0);
    });
  });
}
