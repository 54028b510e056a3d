import type { ChangeActor } from '../ordering/order.js';
import { DomainError } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import type { RentalRepository } from './ports.js';

/**
 * An active rental whose last installment or buyout succeeded becomes the customer's: the
 * one completion of RentingService and of a payment a gateway event settles later. A
 * miss means the rental changed under its lock: the unit of work rolls back.
 */
export async function completeRental(
  rentals: RentalRepository,
  rentalId: Id,
  actor: ChangeActor,
  now: Date,
  note: string,
): Promise<void> {
  const changed = await rentals.changeStatus(rentalId, {
    from: 'active',
    to: 'completed',
    actor,
    note,
    now,
    facts: { ownershipTransferredAt: now, nextDueDate: null },
  });
  if (!changed) throw new DomainError('conflict', 'the rental changed meanwhile; reload it and try again');
}
