import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProductReferencedError } from '@giggatek/domain';
import type { Id, ProductRepository, RentalRepository } from '@giggatek/domain';
import { movementsOf, sumOfMovements } from './stock-ledger.contract.js';
import {
  createProduct,
  createTestUser,
  day,
  newRental,
  rentalPayment,
  shortageOf,
  sign,
  stockOf,
  t0,
  type MakeRentalFixture,
  type RentalFixture,
} from './rental-fixtures.js';
import { shippingSnapshot } from './order-fixtures.js';

/** createTakingStock, findDetail and lockDetail: one unit taken with its movement, all or nothing. */
export function describeRentalCreationContract(name: string, makeFixture: MakeRentalFixture): void {
  describe(`RentalRepository creation contract (${name})`, () => {
    let fixture: RentalFixture;
    let rentals: RentalRepository;
    let products: ProductRepository;
    let userId: Id;
    beforeEach(async () => {
      fixture = await makeFixture();
      ({ rentals, products } = fixture);
      userId = await createTestUser(fixture.users);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('takes one unit with a rental_out movement and stores every term, read back by findDetail', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 4, 60_000);
      const created = await rentals.createTakingStock(newRental(userId, gpu));
      expect(created).toEqual({
        id: expect.any(Number),
        userId,
        productId: gpu.id,
        productName: 'RTX 3080',
        productCondition: 'Good',
        status: 'pending',
        currency: 'usd',
        cashPrice: 60_000,
        totalMonths: 12,
        monthlyRate: 5750,
        totalAmount: 69_000,
        graceDays: 7,
        lateFeeBp: 500,
        lateFeeCap: 500,
        lateFee: 288,
        sameAsCashDays: 90,
        defaultAfterDays: 30,
        deliveryAddress: shippingSnapshot,
        startDate: null,
        endDate: null,
        installmentsPaid: 0,
        nextDueDate: null,
        contractSignedAt: null,
        signature: null,
        signatureIp: null,
        ownershipTransferredAt: null,
        returnedAt: null,
        receivedAt: null,
        defaultedAt: null,
        createdAt: t0,
        updatedAt: t0,
      });
      expect(await stockOf(products, gpu.id)).toBe(3);
      const [out, ...rest] = await movementsOf(products, gpu.id);
      expect(out).toEqual({
        id: expect.any(Number),
        productId: gpu.id,
        delta: -1,
        reason: 'rental_out',
        orderId: null,
        rentalId: created.id,
        actorUserId: userId,
        actorLabel: 'customer',
        note: null,
        createdAt: t0,
      });
      expect(rest.map((m) => m.reason)).toEqual(['adjustment']);
      expect(await sumOfMovements(products, gpu.id)).toBe(3);

      expect(await rentals.findDetail(created.id)).toEqual({
        ...created,
        payments: [],
        statusHistory: [
          {
            id: expect.any(Number),
            rentalId: created.id,
            fromStatus: null,
            toStatus: 'pending',
            actorUserId: userId,
            actorLabel: 'customer',
            note: null,
            createdAt: t0,
          },
        ],
      });
    });

    it('keeps amounts beyond 32 bits exact', async () => {
      const server = await createProduct(products, 'Rack server', 1, 9_000_000_000);
      const created = await rentals.createTakingStock(newRental(userId, server));
      expect(await rentals.findDetail(created.id)).toMatchObject({
        cashPrice: 9_000_000_000,
        monthlyRate: 862_500_000,
        totalAmount: 10_350_000_000,
        lateFee: 500,
      });
    });

    it('refuses with insufficient_stock when no unit is available, writing nothing', async () => {
      const gone = await createProduct(products, 'Sold out', 0);
      const archived = await createProduct(products, 'Archived', 5);
      await products.update(archived.id, { status: 'archived' }, t0);
      for (const product of [gone, archived]) {
        const refused = await shortageOf(rentals.createTakingStock(newRental(userId, product)));
        expect(refused.meta?.shortages).toEqual([
          { productId: product.id, productName: product.name, requested: 1, available: 0 },
        ]);
      }
      expect(await stockOf(products, archived.id)).toBe(5);
      expect(await movementsOf(products, gone.id)).toEqual([]);
      expect((await movementsOf(products, archived.id)).map((m) => m.reason)).toEqual(['adjustment']);
      expect((await rentals.listAll({ page: 1, perPage: 10 })).total).toBe(0);
    });

    it('gives rentals sent at once for the last units to exactly as many as there are units', async () => {
      const gpu = await createProduct(products, 'Last GPUs', 3);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => rentals.createTakingStock(newRental(userId, gpu))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const rejected of results.filter((r) => r.status === 'rejected')) {
        expect(rejected.reason).toMatchObject({ code: 'insufficient_stock' });
      }
      expect(await stockOf(products, gpu.id)).toBe(0);
      expect(await sumOfMovements(products, gpu.id)).toBe(0);
      expect((await rentals.listAll({ page: 1, perPage: 10 })).total).toBe(3);
    });

    it('counts a rented product as referenced: it is archived, never deleted', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 2);
      expect(await products.isReferenced(gpu.id)).toBe(false);
      await rentals.createTakingStock(newRental(userId, gpu));
      expect(await products.isReferenced(gpu.id)).toBe(true);
      await expect(products.delete(gpu.id)).rejects.toBeInstanceOf(ProductReferencedError);
      expect(await products.findById(gpu.id)).not.toBeNull();
    });

    it('finds no detail for an unknown rental, locked or not', async () => {
      expect(await rentals.findDetail(987_654)).toBeNull();
      expect(await fixture.unitOfWork.run(() => rentals.lockDetail(987_654))).toBeNull();
    });

    it('reads the rental fresh under its lock inside a unit of work, with what the unit wrote', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 2);
      const created = await rentals.createTakingStock(newRental(userId, gpu));
      await sign(rentals, created, day('2026-02-01'));
      const seen = await fixture.unitOfWork.run(async () => {
        const before = await rentals.lockDetail(created.id);
        await rentals.recordPayment(created.id, rentalPayment(created), null, t0);
        return { before, after: await rentals.lockDetail(created.id) };
      });
      expect(seen.before).toMatchObject({ id: created.id, status: 'active', payments: [] });
      expect(seen.before?.statusHistory.map((h) => h.toStatus)).toEqual(['pending', 'active']);
      expect(seen.after?.payments.map((p) => p.installmentNo)).toEqual([1]);
      expect(await rentals.findDetail(created.id)).toEqual(seen.after);
    });

    // Each unit reads the counter under the lock and writes it + 1: without the lock two
    // units could read the same value (a real race on MySQL; memory and SQLite serialise).
    it('runs units of work that lock the same rental one after the other', async () => {
      const gpu = await createProduct(products, 'RTX 3080', 2);
      const created = await rentals.createTakingStock(newRental(userId, gpu));
      await sign(rentals, created, day('2026-02-01'));
      await Promise.all(
        Array.from({ length: 6 }, () =>
          fixture.unitOfWork.run(async () => {
            const locked = await rentals.lockDetail(created.id);
            const next = (locked?.installmentsPaid ?? 0) + 1;
            await rentals.recordPayment(
              created.id,
              rentalPayment(created, { installmentNo: next }),
              { installmentsPaid: next, nextDueDate: null },
              t0,
            );
          }),
        ),
      );
      const detail = await rentals.findDetail(created.id);
      expect(detail?.installmentsPaid).toBe(6);
      expect(detail?.payments.map((p) => p.installmentNo)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });
}
