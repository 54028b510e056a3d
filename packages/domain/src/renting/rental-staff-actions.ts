import { changeActorOf } from '../ordering/order-status.js';
import type { PaymentGateway } from '../payments/payment-gateway.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import { formatMoney } from '../shared/money-format.js';
import type { Actor } from '../identity/user.js';
import type { RentalRepository } from './ports.js';
import { dayOf, rentalAccount } from './rental-account.js';
import { chargeRental, installmentCharge } from './rental-charges.js';
import { defaultableFrom } from './rental-schedule.js';
import { assertRentalTransition } from './rental-status.js';
import { completeRental } from './rental-completion.js';
import type { RentalDetail, RentalStatus } from './rental.js';

/** What staff may change on a rental (PUT /api/admin/rentals/:id), in one transaction. */
export interface StaffRentalUpdate {
  /** defaulted (mark defaulted), active (reinstate), returned, cancelled (pending only). */
  status?: Extract<RentalStatus, 'defaulted' | 'active' | 'returned' | 'cancelled'>;
  /** The returned unit is back: stock +1 with a `rental_back` movement. */
  received?: true;
  note?: string | null;
  /** Reinstating a rental with arrears charges them to this saved method first. */
  paymentMethodId?: string;
}

interface Deps {
  rentals: RentalRepository;
  gateway: PaymentGateway;
  clock: Clock;
}

/** The staff transitions of SPEC §5 with their guards (overdue long enough, arrears paid). */
export class RentalStaffActions {
  constructor(
    private readonly deps: Deps,
    private readonly lock: (id: Id) => Promise<RentalDetail>,
  ) {}

  /** Inside the caller's unit of work: status change, then received, then a lone note. */
  async apply(actor: Actor, id: Id, update: StaffRentalUpdate): Promise<void> {
    const note = update.note ?? null;
    if (update.status === undefined && !update.received && note === null) {
      throw new DomainError('validation_failed', 'nothing to change: send status, received or note', [
        { field: 'status', message: 'send status, received or note' },
      ]);
    }
    let rental = await this.lock(id);
    // The note goes on the status change when there is one, else on its own history row.
    let statusChanged = false;
    if (update.status !== undefined && update.status !== rental.status) {
      await this.transition(actor, rental, update.status, note, update.paymentMethodId);
      statusChanged = true;
      rental = await this.lock(id);
    } else if (update.status !== undefined && !update.received && note === null) {
      throw new DomainError('invalid_transition', `the rental is already ${rental.status}`);
    }
    const now = this.deps.clock.now();
    if (update.received) {
      const receivedNote = statusChanged ? null : note;
      const received = await this.deps.rentals.markReceived(id, {
        actor: changeActorOf(actor),
        note: receivedNote,
        now,
      });
      if (!received) {
        throw new DomainError(
          'invalid_transition',
          rental.receivedAt ? 'the unit was already received' : 'only a returned rental can be received back',
        );
      }
    } else if (note !== null && !statusChanged) {
      await this.deps.rentals.addNote(id, { actor: changeActorOf(actor), note, now });
    }
  }

  private async transition(
    actor: Actor,
    rental: RentalDetail,
    to: NonNullable<StaffRentalUpdate['status']>,
    note: string | null,
    paymentMethodId: string | undefined,
  ): Promise<void> {
    const who = changeActorOf(actor);
    assertRentalTransition(rental.status, to, who);
    const now = this.deps.clock.now();
    const today = dayOf(now);
    const base = { from: rental.status, to, actor: who, note, now };
    if (to === 'defaulted') {
      const next = rentalAccount(rental, rental.payments, today).nextInstallment;
      const from = next ? defaultableFrom(next.dueDate, rental.defaultAfterDays) : null;
      if (!next || !from || today.isBefore(from)) {
        throw new DomainError(
          'invalid_transition',
          next && from
            ? `installment ${next.installmentNo} (due ${next.dueDate.toString()}) is not more than ${rental.defaultAfterDays} days overdue; the rental can be marked defaulted from ${from.toString()}`
            : 'no installment is overdue',
        );
      }
      await this.change(rental.id, { ...base, facts: { defaultedAt: now } });
    } else if (to === 'active') {
      const paidUp = await this.payArrears(rental, paymentMethodId, now);
      await this.change(rental.id, { ...base, facts: { defaultedAt: null } });
      // The arrears were the last installments: nothing is left, so ownership passes.
      if (paidUp) await completeRental(this.deps.rentals, rental.id, who, now, 'the last installment was paid');
    } else if (to === 'returned') {
      await this.change(rental.id, { ...base, facts: { returnedAt: now, nextDueDate: null } });
    } else {
      await this.change(rental.id, { ...base, restock: true });
    }
  }

  /**
   * Reinstating needs the arrears (installments due by today, with their late fees) paid:
   * each is charged to the customer's saved method, oldest first, its own ledger row.
   */
  private async payArrears(rental: RentalDetail, paymentMethodId: string | undefined, now: Date): Promise<boolean> {
    const today = dayOf(now);
    const account = rentalAccount(rental, rental.payments, today);
    if (account.arrears === 0) return false;
    if (!paymentMethodId) {
      throw new DomainError(
        'conflict',
        `reinstating needs the arrears of ${formatMoney(account.arrears)} paid: send payment_method_id to charge them`,
        undefined,
        { arrears: account.arrears, currency: 'usd' },
      );
    }
    const overdue = account.schedule.filter(
      (i) => (i.status === 'due' || i.status === 'late') && !i.dueDate.isAfter(today),
    );
    for (const installment of overdue) {
      await chargeRental(this.deps, rental, installmentCharge(rental, installment, paymentMethodId), now);
    }
    return overdue.at(-1)?.installmentNo === rental.totalMonths;
  }

  private async change(id: Id, change: Parameters<RentalRepository['changeStatus']>[1]): Promise<void> {
    if (!(await this.deps.rentals.changeStatus(id, change))) {
      throw new DomainError('conflict', 'the rental changed meanwhile; reload it and try again');
    }
  }
}
