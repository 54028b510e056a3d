import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, Order, OrderRepository, Product } from '@giggatek/domain';
import {
  createProduct,
  createTestUser,
  minutesAfter,
  newOrder,
  t0,
  type MakeOrderFixture,
  type OrderFixture,
} from './order-fixtures.js';

/** listForUser and listAll: newest first (ties by id), paging, filters, items included. */
export function describeOrderListContract(name: string, makeFixture: MakeOrderFixture): void {
  describe(`OrderRepository list contract (${name})`, () => {
    let fixture: OrderFixture;
    let orders: OrderRepository;
    let gpu: Product;
    let cpu: Product;
    let alice: Id;
    let bob: Id;
    let aliceEmail: string;
    /** Orders by name: a1 (t0), a2 and a3 (both t0+10, a tie), b1 (t0+20, Bob's). */
    let placed: Record<string, Order>;
    beforeEach(async () => {
      fixture = await makeFixture();
      orders = fixture.orders;
      gpu = await createProduct(fixture.products, 'RTX 3080', 50);
      cpu = await createProduct(fixture.products, 'Ryzen 7', 50);
      alice = await createTestUser(fixture.users);
      bob = await createTestUser(fixture.users);
      aliceEmail = (await fixture.users.findById(alice))?.email ?? '';
      placed = {
        a1: await orders.placeWithStock(newOrder(alice, [{ product: gpu, quantity: 1 }], { createdAt: t0 })),
        a2: await orders.placeWithStock(
          newOrder(
            alice,
            [
              { product: cpu, quantity: 2 },
              { product: gpu, quantity: 1 },
            ],
            { createdAt: minutesAfter(10) },
          ),
        ),
        a3: await orders.placeWithStock(
          newOrder(alice, [{ product: cpu, quantity: 1 }], { createdAt: minutesAfter(10) }),
        ),
        b1: await orders.placeWithStock(
          newOrder(bob, [{ product: gpu, quantity: 3 }], { createdAt: minutesAfter(20) }),
        ),
      };
      await orders.changeStatus(placed.a2!.id, {
        from: 'pending',
        to: 'processing',
        actor: { kind: 'system', name: 'webhook' },
        note: null,
        now: minutesAfter(30),
        restock: false,
        paymentStatus: 'paid',
      });
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const ids = (list: Order[]): Id[] => list.map((order) => order.id);
    const idsOf = (...names: string[]): Id[] => names.map((n) => placed[n]!.id);

    it("lists a user's own orders newest first, the later id first on a tie, with items", async () => {
      const page = await orders.listForUser(alice, { page: 1, perPage: 10 });
      expect(ids(page.items)).toEqual(idsOf('a3', 'a2', 'a1'));
      expect(page).toMatchObject({ total: 3, page: 1, perPage: 10 });
      const a2 = page.items.find((order) => order.id === placed.a2!.id);
      expect(a2?.items.map((item) => [item.productId, item.quantity])).toEqual([
        [cpu.id, 2],
        [gpu.id, 1],
      ]);
      expect(a2).toMatchObject({ status: 'processing', paymentStatus: 'paid' });
    });

    it('pages a user list and filters it by status', async () => {
      const second = await orders.listForUser(alice, { page: 2, perPage: 2 });
      expect(ids(second.items)).toEqual(idsOf('a1'));
      expect(second.total).toBe(3);
      const processing = await orders.listForUser(alice, { page: 1, perPage: 10, status: 'processing' });
      expect(ids(processing.items)).toEqual(idsOf('a2'));
      expect(processing.total).toBe(1);
      expect((await orders.listForUser(bob, { page: 1, perPage: 10, status: 'processing' })).total).toBe(0);
    });

    it('lists every order for staff, newest first, paged', async () => {
      const all = await orders.listAll({ page: 1, perPage: 3 });
      expect(ids(all.items)).toEqual(idsOf('b1', 'a3', 'a2'));
      expect(all.total).toBe(4);
      expect(ids((await orders.listAll({ page: 2, perPage: 3 })).items)).toEqual(idsOf('a1'));
    });

    it('filters staff lists by status and payment status', async () => {
      expect(ids((await orders.listAll({ page: 1, perPage: 10, status: 'pending' })).items)).toEqual(
        idsOf('b1', 'a3', 'a1'),
      );
      const paid = await orders.listAll({ page: 1, perPage: 10, paymentStatus: 'paid' });
      expect(ids(paid.items)).toEqual(idsOf('a2'));
      expect(paid.total).toBe(1);
      expect((await orders.listAll({ page: 1, perPage: 10, status: 'pending', paymentStatus: 'paid' })).total).toBe(0);
    });

    it("filters staff lists by the customer's email, ignoring letter case", async () => {
      const byEmail = await orders.listAll({ page: 1, perPage: 10, customerEmail: aliceEmail.toUpperCase() });
      expect(ids(byEmail.items)).toEqual(idsOf('a3', 'a2', 'a1'));
      expect(byEmail.total).toBe(3);
      expect((await orders.listAll({ page: 1, perPage: 10, customerEmail: 'nobody@example.com' })).total).toBe(0);
    });

    it('filters staff lists by an inclusive creation date range', async () => {
      const exact = await orders.listAll({
        page: 1,
        perPage: 10,
        createdFrom: minutesAfter(10),
        createdTo: minutesAfter(20),
      });
      expect(ids(exact.items)).toEqual(idsOf('b1', 'a3', 'a2'));
      const before = await orders.listAll({ page: 1, perPage: 10, createdTo: minutesAfter(10) });
      expect(ids(before.items)).toEqual(idsOf('a3', 'a2', 'a1'));
      const after = await orders.listAll({
        page: 1,
        perPage: 10,
        createdFrom: new Date(minutesAfter(10).getTime() + 1),
      });
      expect(ids(after.items)).toEqual(idsOf('b1'));
      expect(after.total).toBe(1);
    });
  });
}
