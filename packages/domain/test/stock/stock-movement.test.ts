import { describe, expect, it } from 'vitest';
import { availableStock } from '../../src/catalog/product.js';
import type { ChangeActor } from '../../src/ordering/order.js';
import { adjustmentMovement, placementMovements, restockMovements } from '../../src/stock/stock-movement.js';

const now = new Date('2026-03-01T10:00:00.000Z');
const customer: ChangeActor = { kind: 'user', userId: 7, role: 'customer' };
const job: ChangeActor = { kind: 'system', name: 'order-expiry' };

describe('stock movements as the domain builds them', () => {
  it('takes one movement per product for an order, summed, in product id order', () => {
    const lines = [
      { productId: 9, quantity: 2 },
      { productId: 3, quantity: 1 },
      { productId: 9, quantity: 1 },
    ];
    expect(placementMovements(40, lines, { actor: customer, now })).toEqual([
      {
        productId: 3,
        delta: -1,
        reason: 'order',
        orderId: 40,
        rentalId: null,
        actorUserId: 7,
        actorLabel: 'customer',
        note: null,
        createdAt: now,
      },
      {
        productId: 9,
        delta: -3,
        reason: 'order',
        orderId: 40,
        rentalId: null,
        actorUserId: 7,
        actorLabel: 'customer',
        note: null,
        createdAt: now,
      },
    ]);
  });

  it('puts an order back with the reason it is given, by the system without a user', () => {
    expect(restockMovements(40, [{ productId: 3, quantity: 2 }], 'order_expiry', { actor: job, now })).toEqual([
      {
        productId: 3,
        delta: 2,
        reason: 'order_expiry',
        orderId: 40,
        rentalId: null,
        actorUserId: null,
        actorLabel: 'system:order-expiry',
        note: null,
        createdAt: now,
      },
    ]);
  });

  it('records an adjustment of the difference, and nothing for none', () => {
    expect(adjustmentMovement(3, -4, { actor: customer, now, note: 'recount' })).toMatchObject({
      delta: -4,
      reason: 'adjustment',
      note: 'recount',
    });
    expect(adjustmentMovement(3, 0, { actor: customer, now })).toBeNull();
  });

  it('gives 0 available for an archived product, its stock while active', () => {
    expect(availableStock({ status: 'active', stock: 5 })).toBe(5);
    expect(availableStock({ status: 'archived', stock: 5 })).toBe(0);
  });
});
