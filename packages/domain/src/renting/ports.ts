import type { AddressSnapshot } from '../addresses/address.js';
import type { Condition } from '../catalog/product.js';
import type { ChangeActor } from '../ordering/order.js';
import type { NewPaymentEntry, PaymentEntry } from '../payments/payment.js';
import type { Id } from '../shared/ids.js';
import type { LocalDate } from '../shared/local-date.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { Rental, RentalDetail, RentalRecord, RentalStatus, RentalTerms } from './rental.js';

/** A rental as the domain creates it: pending, unsigned, one unit of the product taken. */
export interface NewRental extends RentalTerms {
  status: 'pending';
  userId: Id;
  productId: Id;
  productName: string;
  productCondition: Condition;
  deliveryAddress: AddressSnapshot;
  createdAt: Date;
  actor: ChangeActor;
}

/** The dated facts a transition sets (signing, return, default, completion). */
export interface RentalFacts {
  startDate?: LocalDate;
  endDate?: LocalDate;
  nextDueDate?: LocalDate | null;
  contractSignedAt?: Date;
  signature?: string;
  signatureIp?: string | null;
  ownershipTransferredAt?: Date;
  returnedAt?: Date;
  defaultedAt?: Date | null;
}

export interface RentalStatusChangeRequest {
  /** Only while the rental is still in this status (a race loses cleanly). */
  from: RentalStatus;
  to: RentalStatus;
  actor: ChangeActor;
  note: string | null;
  now: Date;
  facts?: RentalFacts;
  /** Put the unit back in stock with a `rental_back` movement (a pending rental cancelled). */
  restock?: boolean;
}

/** What a succeeded installment or buyout moves on, written with its ledger row. */
export interface RentalProgress {
  installmentsPaid: number;
  nextDueDate: LocalDate | null;
}

export interface RentalListFilter extends PageRequest {
  status?: RentalStatus;
}

export interface AdminRentalFilter extends PageRequest {
  status?: RentalStatus;
  /** Active or defaulted with an installment unpaid after its due date, as of this day. */
  overdueOn?: LocalDate;
  /** Case-insensitive exact match of the customer's email. */
  customerEmail?: string;
}

export interface RentalRepository {
  /**
   * In ONE transaction: takes one unit of the product with the same conditional update
   * and locking order as order placement (it never goes below zero however many race),
   * writes the rental, its first history row (null → pending) and a `rental_out` movement.
   * No unit: DomainError('insufficient_stock') with `meta.shortages`, nothing written.
   */
  createTakingStock(rental: NewRental): Promise<Rental>;
  findDetail(id: Id): Promise<RentalDetail | null>;
  /**
   * Inside a unit of work: the rental read fresh with a row lock held until the unit ends
   * (FOR UPDATE on MySQL; SQLite's write transaction), so payments, buyouts and staff
   * changes of one rental run one after the other and each sees the last one's result.
   */
  lockDetail(id: Id): Promise<RentalDetail | null>;
  /** Newest first, with their ledger rows; a fixed number of queries however many rentals. */
  listForUser(userId: Id, filter: RentalListFilter): Promise<Page<RentalRecord>>;
  listAll(filter: AdminRentalFilter): Promise<Page<RentalRecord>>;
  /** One conditional update from `change.from`, its history row and facts; false when the rental moved on. */
  changeStatus(id: Id, change: RentalStatusChangeRequest): Promise<boolean>;
  /** Writes a ledger row of the rental; with `progress` (a success) the rental's counters move in the same transaction. */
  recordPayment(id: Id, entry: NewPaymentEntry, progress: RentalProgress | null, now: Date): Promise<PaymentEntry>;
  /**
   * The counters of a success recorded later than its row (a pending 3-D Secure payment
   * that a gateway event says succeeded): they move as recordPayment's `progress` does.
   */
  recordProgress(id: Id, progress: RentalProgress, now: Date): Promise<void>;
  /**
   * A returned rental's unit is back: sets received_at and puts one unit back with a
   * `rental_back` movement, once (false when it is not returned or already received).
   */
  markReceived(id: Id, change: { actor: ChangeActor; note: string | null; now: Date }): Promise<boolean>;
  /** A staff note in the history, the status unchanged. */
  addNote(id: Id, change: { actor: ChangeActor; note: string; now: Date }): Promise<void>;
}
