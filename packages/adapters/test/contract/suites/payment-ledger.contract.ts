import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cents } from '@giggatek/domain';
import type {
  Id,
  NewPaymentEntry,
  Order,
  OrderRepository,
  PaymentLedger,
  ProductRepository,
  UnitOfWork,
  UserRepository,
} from '@giggatek/domain';
import { concurrently } from './fixture.js';
import { createProduct, createTestUser, minutesAfter, newOrder, t0 } from './order-fixtures.js';

export interface PaymentLedgerFixture {
  payments: PaymentLedger;
  orders: OrderRepository;
  products: ProductRepository;
  users: UserRepository;
  unitOfWork: UnitOfWork;
  dispose(): Promise<void>;
}

/** The PaymentLedger port: rows, their conditional status changes, and applied events once. */
export function describePaymentLedgerContract(name: string, makeFixture: () => Promise<PaymentLedgerFixture>): void {
  describe(`PaymentLedger contract (${name})`, () => {
    let fixture: PaymentLedgerFixture;
    let ledger: PaymentLedger;
    let userId: Id;
    let order: Order;
    beforeEach(async () => {
      fixture = await makeFixture();
      ledger = fixture.payments;
      userId = await createTestUser(fixture.users);
      const product = await createProduct(fixture.products, 'Ledger GPU', 5);
      order = await fixture.orders.placeWithStock(newOrder(userId, [{ product, quantity: 1 }]));
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const intentRow = (gatewayRef: string | null, fields: Partial<NewPaymentEntry> = {}): NewPaymentEntry => ({
      userId,
      orderId: order.id,
      rentalId: null,
      installmentNo: null,
      kind: 'order',
      amount: order.total,
      lateFee: cents(0),
      currency: 'usd',
      status: 'pending',
      gateway: 'offline',
      gatewayRef,
      ...fields,
    });

    it('inserts a row and finds it by id and by gateway reference', async () => {
      const row = await ledger.insert(intentRow('pi_contract_1'), t0);
      expect(row).toEqual({
        ...intentRow('pi_contract_1'),
        id: expect.any(Number),
        createdAt: t0,
        updatedAt: t0,
      });
      expect(await ledger.findById(row.id)).toEqual(row);
      expect(await ledger.findByGatewayRef('pi_contract_1')).toEqual(row);
      expect(await ledger.findByGatewayRef('pi_other')).toBeNull();
      expect(await ledger.findById(row.id + 1000)).toBeNull();
    });

    it('refuses a second row with the same gateway reference', async () => {
      await ledger.insert(intentRow('pi_twice'), t0);
      await expect(ledger.insert(intentRow('pi_twice'), t0)).rejects.toThrow();
      expect(await ledger.listForOrder(order.id)).toHaveLength(1);
    });

    it('locks a row by gateway reference inside a unit of work', async () => {
      const row = await ledger.insert(intentRow('pi_lock'), t0);
      const locked = await fixture.unitOfWork.run(() => ledger.lockByGatewayRef('pi_lock'));
      expect(locked).toEqual(row);
      expect(await fixture.unitOfWork.run(() => ledger.lockByGatewayRef('pi_none'))).toBeNull();
    });

    it('changes a status only from one of the given ones', async () => {
      const row = await ledger.insert(intentRow('pi_status'), t0);
      const later = minutesAfter(5);
      expect(await ledger.changeStatus(row.id, ['pending', 'failed'], 'succeeded', later)).toBe(true);
      // A failure never undoes a success: the conditional update finds no pending row.
      expect(await ledger.changeStatus(row.id, ['pending'], 'failed', minutesAfter(6))).toBe(false);
      expect(await ledger.findById(row.id)).toEqual({ ...row, status: 'succeeded', updatedAt: later });
      expect(await ledger.changeStatus(row.id + 1000, ['pending'], 'failed', later)).toBe(false);
    });

    it('lets exactly one of concurrent identical status changes win', async () => {
      const row = await ledger.insert(intentRow('pi_race'), t0);
      const wins = await concurrently(8, () =>
        fixture.unitOfWork.run(() => ledger.changeStatus(row.id, ['pending'], 'succeeded', minutesAfter(1))),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('lists a user’s rows newest first (ties by id), paged, and no one else’s', async () => {
      const other = await createTestUser(fixture.users);
      const first = await ledger.insert(intentRow('pi_a'), t0);
      const second = await ledger.insert(intentRow('pi_b'), minutesAfter(1));
      const tie = await ledger.insert(intentRow('pi_c'), minutesAfter(1));
      await ledger.insert(intentRow('pi_d', { userId: other, orderId: null }), minutesAfter(2));
      const page1 = await ledger.listForUser(userId, { page: 1, perPage: 2 });
      expect(page1.items.map((p) => p.id)).toEqual([tie.id, second.id]);
      expect(page1.total).toBe(3);
      const page2 = await ledger.listForUser(userId, { page: 2, perPage: 2 });
      expect(page2.items.map((p) => p.id)).toEqual([first.id]);
      expect(page2).toMatchObject({ page: 2, perPage: 2, total: 3 });
    });

    it('lists an order’s rows oldest first, with the rows its repository wrote', async () => {
      const intent = await ledger.insert(intentRow('pi_order'), t0);
      await fixture.orders.changeStatus(order.id, {
        from: 'pending',
        to: 'processing',
        actor: { kind: 'system', name: 'contract' },
        note: null,
        now: minutesAfter(1),
        restock: false,
        paymentStatus: 'paid',
        payment: intentRow(null, { status: 'succeeded' }),
      });
      const rows = await ledger.listForOrder(order.id);
      expect(rows.map((p) => p.gatewayRef)).toEqual([intent.gatewayRef, null]);
      // One ledger: what the order repository reads is what the ledger holds.
      expect((await fixture.orders.findDetail(order.id))?.payments).toEqual(rows);
    });

    it('records an event id once', async () => {
      const event = { id: 'evt_contract_Once', type: 'payment_intent.succeeded', createdAt: t0 };
      expect(await ledger.recordEvent(event, t0)).toBe(true);
      expect(await ledger.recordEvent(event, minutesAfter(1))).toBe(false);
      // Ids differ by case only: two events.
      expect(await ledger.recordEvent({ ...event, id: 'evt_contract_once' }, t0)).toBe(true);
    });

    it('records an event once however many units of work race, and forgets it when its unit rolls back', async () => {
      const event = { id: 'evt_contract_race', type: 'payment_intent.succeeded', createdAt: t0 };
      const recorded = await concurrently(10, () => fixture.unitOfWork.run(() => ledger.recordEvent(event, t0)));
      expect(recorded.filter(Boolean)).toHaveLength(1);

      const rolledBack = { ...event, id: 'evt_contract_rolled_back' };
      await expect(
        fixture.unitOfWork.run(async () => {
          await ledger.recordEvent(rolledBack, t0);
          throw new Error('the effect failed');
        }),
      ).rejects.toThrow('the effect failed');
      expect(await ledger.recordEvent(rolledBack, t0)).toBe(true);
    });
  });
}
