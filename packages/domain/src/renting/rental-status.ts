import { DomainError } from '../shared/errors.js';
import { actorKindOf, type ActorKind } from '../ordering/order-status.js';
import type { ChangeActor } from '../ordering/order.js';
import type { RentalStatusChangeRequest } from './ports.js';
import type { RentalStatus } from './rental.js';

export interface RentalTransition {
  from: RentalStatus;
  to: RentalStatus;
  allowed: readonly ActorKind[];
  /** What the change is, in the words of the history and the errors. */
  action: string;
}

/**
 * SPEC §5: every legal status change of a rental and who may make it; nothing else is
 * allowed. The guards that need figures (arrears paid, an installment far enough overdue)
 * are checked by the service, beside the change.
 */
export const RENTAL_TRANSITIONS: readonly RentalTransition[] = [
  { from: 'pending', to: 'active', allowed: ['customer'], action: 'sign the contract' },
  { from: 'pending', to: 'cancelled', allowed: ['customer', 'staff'], action: 'cancel' },
  { from: 'active', to: 'completed', allowed: ['customer', 'staff', 'system'], action: 'complete' },
  { from: 'active', to: 'returned', allowed: ['customer', 'staff'], action: 'return' },
  // The right to return holds at any time, in default too (it ends what is owed).
  { from: 'defaulted', to: 'returned', allowed: ['customer', 'staff'], action: 'return' },
  { from: 'active', to: 'defaulted', allowed: ['staff'], action: 'mark defaulted' },
  { from: 'defaulted', to: 'active', allowed: ['staff'], action: 'reinstate' },
];

export function findRentalTransition(from: RentalStatus, to: RentalStatus): RentalTransition | undefined {
  return RENTAL_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** 409 invalid_transition unless the change exists and the actor may make it. */
export function assertRentalTransition(from: RentalStatus, to: RentalStatus, actor: ChangeActor): RentalTransition {
  const transition = findRentalTransition(from, to);
  if (transition && transition.allowed.includes(actorKindOf(actor))) return transition;
  if (from === 'active' && to === 'cancelled') {
    throw new DomainError(
      'invalid_transition',
      'an active rental cannot be cancelled: return the item instead (POST /api/rentals/:id/return), and nothing further is owed',
    );
  }
  throw new DomainError('invalid_transition', `cannot change a rental from ${from} to ${to}`);
}

/**
 * The change that completes an active rental: every installment paid or the early purchase
 * option used (SPEC §5); ownership passes now.
 */
export function completionChange(actor: ChangeActor, now: Date, note: string): RentalStatusChangeRequest {
  return {
    from: 'active',
    to: 'completed',
    actor,
    note,
    now,
    facts: { ownershipTransferredAt: now, nextDueDate: null },
  };
}
