import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeActor, Id, Product, ProductRepository, Rental, RentalRepository } from '@giggatek/domain';
import { movementsOf, sumOfMovements } from './stock-ledger.contract.js';
import {
  createProduct,
  createTestUser,
  customer,
  day,
  minutesAfter,
  newRental,
  sign,
  signingFacts,
  staff,
  stockOf,
  t0,
  type MakeRentalFixture,
  type RentalFixture,
} from './rental-fixtures.js';

/** changeStatus, markReceived and addNote: conditional changes, their facts, history and stock. */
export function describeRentalStatusContract(name: string, makeFixture: MakeRentalFixture): void {
  describe(`RentalRepository status contract (${name})`, () => {
    let fixture: RentalFixture;
    let rentals: RentalRepository;
    let products: ProductRepository;
    let userId: Id;
    let manager: ChangeActor;
    let gpu: Product;
    let rental: Rental;
    beforeEach(async () => {
      fixture = await makeFixture();
      ({ rentals, products } = fixture);
      userId = await createTestUser(fixture.users);
      manager = staff(await createTestUser(fixture.users));
      gpu = await createProduct(products, 'RTX 3080', 3);
      rental = await rentals.createTakingStock(newRental(userId, gpu));
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const historyOf = async (id: Id) =>
      ((await rentals.findDetail(id))?.statusHistory ?? []).map((h) => [
        h.fromStatus,
        h.toStatus,
        h.actorLabel,
        h.note,
      ]);

    it('signs with every fact read back exactly: a Jan 31 start ends on Dec 31', async () => {
      const signedAt = new Date('2026-01-31T23:59:59.999Z');
      const drawn = `data:image/png;base64,${'A'.repeat(150_000)}`;
      const facts = { ...signingFacts(day('2026-01-31'), 12, signedAt), signature: drawn, signatureIp: '2001:db8::1' };
      const change = {
        from: 'pending',
        to: 'active',
        actor: customer(userId),
        note: null,
        now: signedAt,
        facts,
      } as const;
      expect(await rentals.changeStatus(rental.id, change)).toBe(true);

      const signed = await rentals.findDetail(rental.id);
      expect(signed).toMatchObject({
        status: 'active',
        contractSignedAt: signedAt,
        signature: drawn,
        signatureIp: '2001:db8::1',
        updatedAt: signedAt,
        createdAt: t0,
      });
      expect([signed?.startDate?.toString(), signed?.endDate?.toString(), signed?.nextDueDate?.toString()]).toEqual([
        '2026-01-31',
        '2026-12-31',
        '2026-01-31',
      ]);
      expect(signed?.startDate).toEqual(day('2026-01-31'));
      expect(await historyOf(rental.id)).toEqual([
        [null, 'pending', 'customer', null],
        ['pending', 'active', 'customer', null],
      ]);
    });

    it('keeps leap days and year ends as the same calendar dates', async () => {
      const cpu = await createProduct(products, 'Ryzen 7', 3);
      for (const [start, end] of [
        ['2028-02-29', '2028-12-31'],
        ['2026-12-31', '2027-01-01'],
        ['2026-01-01', '9999-12-31'],
      ] as const) {
        const other = await rentals.createTakingStock(newRental(userId, cpu));
        await sign(rentals, other, day(start));
        await rentals.changeStatus(other.id, {
          from: 'active',
          to: 'defaulted',
          actor: manager,
          note: null,
          now: t0,
          facts: { endDate: day(end), nextDueDate: day(end) },
        });
        const read = await rentals.findDetail(other.id);
        expect([read?.startDate?.toString(), read?.endDate?.toString(), read?.nextDueDate?.toString()]).toEqual([
          start,
          end,
          end,
        ]);
        await rentals.changeStatus(other.id, {
          from: 'defaulted',
          to: 'returned',
          actor: manager,
          note: null,
          now: t0,
        });
      }
    });

    it('changes only from the status named: a second change from the same status returns false', async () => {
      const cancel = {
        from: 'pending',
        to: 'cancelled',
        actor: customer(userId),
        note: 'changed my mind',
        now: t0,
      } as const;
      await sign(rentals, rental, day('2026-02-01'));
      expect(await rentals.changeStatus(rental.id, cancel)).toBe(false);
      expect(
        await rentals.changeStatus(rental.id, {
          from: 'pending',
          to: 'active',
          actor: customer(userId),
          note: null,
          now: minutesAfter(5),
          facts: signingFacts(day('2026-03-01'), 12, minutesAfter(5)),
        }),
      ).toBe(false);
      expect(await rentals.changeStatus(987_654, cancel)).toBe(false);
      const detail = await rentals.findDetail(rental.id);
      expect(detail).toMatchObject({ status: 'active', startDate: day('2026-02-01') });
      expect(detail?.statusHistory).toHaveLength(2);
      expect(await stockOf(products, gpu.id)).toBe(2);
    });

    it('sets a fact to null when told, and leaves the facts a change does not name alone', async () => {
      await sign(rentals, rental, day('2026-02-01'));
      const defaultedAt = minutesAfter(60 * 24 * 40);
      await rentals.changeStatus(rental.id, {
        from: 'active',
        to: 'defaulted',
        actor: manager,
        note: 'installment 1 unpaid',
        now: defaultedAt,
        facts: { defaultedAt },
      });
      expect(await rentals.findDetail(rental.id)).toMatchObject({ status: 'defaulted', defaultedAt });
      await rentals.changeStatus(rental.id, {
        from: 'defaulted',
        to: 'active',
        actor: manager,
        note: 'arrears paid',
        now: minutesAfter(1, defaultedAt),
        facts: { defaultedAt: null },
      });
      const reinstated = await rentals.findDetail(rental.id);
      expect(reinstated).toMatchObject({ status: 'active', defaultedAt: null, signature: 'Ada Lovelace' });
      expect(reinstated?.nextDueDate).toEqual(day('2026-02-01'));
      expect((await historyOf(rental.id)).slice(2)).toEqual([
        ['active', 'defaulted', 'manager', 'installment 1 unpaid'],
        ['defaulted', 'active', 'manager', 'arrears paid'],
      ]);
    });

    it('puts a cancelled rental’s unit back with one rental_back movement by the canceller', async () => {
      const cancel = {
        from: 'pending',
        to: 'cancelled',
        actor: manager,
        note: null,
        now: minutesAfter(5),
        restock: true,
      } as const;
      expect(await rentals.changeStatus(rental.id, cancel)).toBe(true);
      expect(await rentals.changeStatus(rental.id, cancel)).toBe(false);
      const [back, ...rest] = await movementsOf(products, gpu.id);
      expect(back).toMatchObject({
        delta: 1,
        reason: 'rental_back',
        rentalId: rental.id,
        orderId: null,
        actorLabel: 'manager',
        createdAt: minutesAfter(5),
      });
      expect(rest.map((m) => m.reason)).toEqual(['rental_out', 'adjustment']);
      expect(await stockOf(products, gpu.id)).toBe(3);
      expect(await sumOfMovements(products, gpu.id)).toBe(3);
    });

    it('receives a returned unit once: +1 stock with rental_back, a history row, received_at', async () => {
      await sign(rentals, rental, day('2026-02-01'));
      const notYet = { actor: manager, note: null, now: minutesAfter(1) };
      expect(await rentals.markReceived(rental.id, notYet)).toBe(false);
      const returnedAt = minutesAfter(60);
      await rentals.changeStatus(rental.id, {
        from: 'active',
        to: 'returned',
        actor: customer(userId),
        note: null,
        now: returnedAt,
        facts: { returnedAt, nextDueDate: null },
      });
      expect(await stockOf(products, gpu.id)).toBe(2);

      const receivedAt = minutesAfter(120);
      expect(await rentals.markReceived(rental.id, { actor: manager, note: 'box damaged', now: receivedAt })).toBe(
        true,
      );
      expect(await rentals.markReceived(rental.id, { actor: manager, note: null, now: minutesAfter(121) })).toBe(false);
      const detail = await rentals.findDetail(rental.id);
      expect(detail).toMatchObject({ status: 'returned', returnedAt, receivedAt, nextDueDate: null });
      expect((await historyOf(rental.id)).at(-1)).toEqual(['returned', 'returned', 'manager', 'box damaged']);
      expect((await movementsOf(products, gpu.id))[0]).toMatchObject({
        delta: 1,
        reason: 'rental_back',
        rentalId: rental.id,
        note: 'box damaged',
        createdAt: receivedAt,
      });
      expect(await stockOf(products, gpu.id)).toBe(3);
      expect(await sumOfMovements(products, gpu.id)).toBe(3);
    });

    it('notes a receipt without a note as the unit back in stock', async () => {
      await sign(rentals, rental, day('2026-02-01'));
      await rentals.changeStatus(rental.id, { from: 'active', to: 'returned', actor: manager, note: null, now: t0 });
      await rentals.markReceived(rental.id, { actor: manager, note: null, now: t0 });
      expect((await historyOf(rental.id)).at(-1)).toEqual([
        'returned',
        'returned',
        'manager',
        'unit received back into stock',
      ]);
    });

    it('adds a staff note to the history, the status unchanged', async () => {
      await rentals.addNote(rental.id, { actor: manager, note: 'called the customer', now: minutesAfter(3) });
      const detail = await rentals.findDetail(rental.id);
      expect(detail?.status).toBe('pending');
      expect(detail?.statusHistory.at(-1)).toMatchObject({
        fromStatus: 'pending',
        toStatus: 'pending',
        actorLabel: 'manager',
        note: 'called the customer',
        createdAt: minutesAfter(3),
      });
      await rentals.addNote(987_654, { actor: manager, note: 'nobody', now: t0 });
      expect(await rentals.findDetail(987_654)).toBeNull();
    });
  });
}
