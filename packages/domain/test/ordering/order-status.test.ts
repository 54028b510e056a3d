import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../src/ordering/order.js';
import type { ChangeActor, OrderStatus } from '../../src/ordering/order.js';
import {
  actorKindOf,
  actorLabelOf,
  assertTransition,
  canTransition,
  ORDER_TRANSITIONS,
} from '../../src/ordering/order-status.js';
import { DomainError } from '../../src/shared/errors.js';

const customer: ChangeActor = { kind: 'user', userId: 1, role: 'customer' };
const manager: ChangeActor = { kind: 'user', userId: 2, role: 'manager' };
const admin: ChangeActor = { kind: 'user', userId: 3, role: 'admin' };
const system: ChangeActor = { kind: 'system', name: 'order-expiry' };

/** SPEC §4, written out independently of ORDER_TRANSITIONS: "from>to" → who may do it. */
const SPEC_TABLE: Record<string, ReadonlyArray<ChangeActor>> = {
  'pending>processing': [manager, admin, system], // payment success (system) or staff
  'processing>shipped': [manager, admin],
  'shipped>delivered': [manager, admin],
  'pending>cancelled': [customer, manager, admin, system], // customer (own, unpaid), staff, expiry
  'processing>cancelled': [manager, admin], // staff only; refunds
  'delivered>refunded': [manager, admin], // staff
};

describe('order state machine (SPEC §4)', () => {
  it('has exactly the transitions of the table', () => {
    expect(ORDER_TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort()).toEqual(Object.keys(SPEC_TABLE).sort());
  });

  it('allows every pair of statuses to every actor exactly as the table says', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const allowed = SPEC_TABLE[`${from}>${to}`] ?? [];
        expect(canTransition(from, to), `${from}>${to} exists`).toBe(allowed.length > 0);
        for (const actor of [customer, manager, admin, system]) {
          const expected = allowed.includes(actor);
          expect(canTransition(from, to, actor), `${from}>${to} by ${actorLabelOf(actor)}`).toBe(expected);
          if (expected) expect(() => assertTransition(from, to, actor)).not.toThrow();
          else expectInvalid(from, to, actor);
        }
      }
    }
  });

  it('classifies actors by permission and labels them for the history', () => {
    expect([customer, manager, admin, system].map(actorKindOf)).toEqual(['customer', 'staff', 'staff', 'system']);
    expect([customer, manager, admin, system].map(actorLabelOf)).toEqual([
      'customer',
      'manager',
      'admin',
      'system:order-expiry',
    ]);
  });
});

function expectInvalid(from: OrderStatus, to: OrderStatus, actor: ChangeActor): void {
  try {
    assertTransition(from, to, actor);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'invalid_transition',
      message: `cannot change an order from ${from} to ${to}`,
    });
    return;
  }
  throw new Error(`expected ${from}>${to} by ${actorLabelOf(actor)} to be refused`);
}
