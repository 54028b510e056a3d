import { describe, expect, it } from 'vitest';
import type { ChangeActor } from '../../src/ordering/order.js';
import { actorLabelOf } from '../../src/ordering/order-status.js';
import { assertRentalTransition, findRentalTransition, RENTAL_TRANSITIONS } from '../../src/renting/rental-status.js';
import { RENTAL_STATUSES } from '../../src/renting/rental.js';
import { DomainError } from '../../src/shared/errors.js';

const customer: ChangeActor = { kind: 'user', userId: 1, role: 'customer' };
const manager: ChangeActor = { kind: 'user', userId: 2, role: 'manager' };
const admin: ChangeActor = { kind: 'user', userId: 3, role: 'admin' };
const system: ChangeActor = { kind: 'system', name: 'rental-payments' };
const staff = [manager, admin];

/** SPEC §5, written out independently of RENTAL_TRANSITIONS: "from>to" → who may do it. */
const SPEC_TABLE: Record<string, ReadonlyArray<ChangeActor>> = {
  'pending>active': [customer], // the customer signs
  'pending>cancelled': [customer, ...staff],
  'active>completed': [customer, ...staff, system], // last installment or buyout
  'active>returned': [customer, ...staff],
  'defaulted>returned': [customer, ...staff], // the right to return holds in default too
  'active>defaulted': staff,
  'defaulted>active': staff, // reinstate after the arrears are paid
};

describe('rental state machine (SPEC §5)', () => {
  it('has exactly the transitions of the table', () => {
    expect(RENTAL_TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort()).toEqual(Object.keys(SPEC_TABLE).sort());
  });

  it('allows every pair of statuses to every actor exactly as the table says', () => {
    for (const from of RENTAL_STATUSES) {
      for (const to of RENTAL_STATUSES) {
        const allowed = SPEC_TABLE[`${from}>${to}`] ?? [];
        expect(findRentalTransition(from, to) !== undefined, `${from}>${to} exists`).toBe(allowed.length > 0);
        for (const actor of [customer, manager, admin, system]) {
          const attempt = () => assertRentalTransition(from, to, actor);
          if (allowed.includes(actor)) expect(attempt, `${from}>${to} by ${actorLabelOf(actor)}`).not.toThrow();
          else expect(attempt, `${from}>${to} by ${actorLabelOf(actor)}`).toThrow(DomainError);
        }
      }
    }
  });

  it('names the action of an allowed change', () => {
    expect(assertRentalTransition('defaulted', 'active', manager).action).toBe('reinstate');
    expect(assertRentalTransition('pending', 'active', customer).action).toBe('sign the contract');
  });

  it('refuses to cancel an active rental and points to return instead', () => {
    for (const actor of [customer, admin]) {
      const refusal = catchError(() => assertRentalTransition('active', 'cancelled', actor));
      expect(refusal.code).toBe('invalid_transition');
      expect(refusal.message).toContain('return the item instead (POST /api/rentals/:id/return)');
    }
  });

  it('refuses anything else with the statuses named', () => {
    const refusal = catchError(() => assertRentalTransition('completed', 'returned', customer));
    expect(refusal).toMatchObject({
      code: 'invalid_transition',
      message: 'cannot change a rental from completed to returned',
    });
    expect(catchError(() => assertRentalTransition('active', 'defaulted', customer)).message).toBe(
      'cannot change a rental from active to defaulted',
    );
  });
});

function catchError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
