import type { AddressSnapshot } from '../addresses/address.js';
import type { Condition } from '../catalog/product.js';
import type { ChangeActor } from '../ordering/order.js';
import type { PaymentEntry } from '../payments/payment.js';
import type { Id } from '../shared/ids.js';
import type { LocalDate } from '../shared/local-date.js';
import type { Cents } from '../shared/money.js';

export const RENTAL_STATUSES = ['pending', 'active', 'completed', 'cancelled', 'returned', 'defaulted'] as const;
export type RentalStatus = (typeof RENTAL_STATUSES)[number];

/**
 * The figures of one contract, fixed when the rental is created (SPEC §5): a later change
 * of the policy or the product's price never changes a contract already offered.
 */
export interface RentalTerms {
  /** P: the product's price when the rental was created. */
  cashPrice: Cents;
  totalMonths: number;
  monthlyRate: Cents;
  /** monthlyRate × totalMonths: the total of payments. */
  totalAmount: Cents;
  graceDays: number;
  lateFeeBp: number;
  lateFeeCap: Cents;
  /** The fee one late installment incurs: min(ceil(monthlyRate × lateFeeBp / 10 000), lateFeeCap). */
  lateFee: Cents;
  sameAsCashDays: number;
  defaultAfterDays: number;
}

export interface Rental extends RentalTerms {
  id: Id;
  userId: Id;
  productId: Id;
  /** The product's name and condition when rented (the contract names them). */
  productName: string;
  productCondition: Condition;
  status: RentalStatus;
  currency: 'usd';
  /** Where the item goes; a copy, as orders copy their addresses. */
  deliveryAddress: AddressSnapshot;
  /** The signing date; installment 1 is due on it. Null until signed. */
  startDate: LocalDate | null;
  /** The last installment's due date. Null until signed. */
  endDate: LocalDate | null;
  /** Installments paid so far and the next one's due date: kept with each payment, derivable from the ledger. */
  installmentsPaid: number;
  nextDueDate: LocalDate | null;
  contractSignedAt: Date | null;
  /** A typed name or a data: URL of a drawn signature. */
  signature: string | null;
  signatureIp: string | null;
  ownershipTransferredAt: Date | null;
  returnedAt: Date | null;
  /** When staff received the returned unit back into stock. */
  receivedAt: Date | null;
  defaultedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RentalStatusChange {
  id: Id;
  rentalId: Id;
  fromStatus: RentalStatus | null;
  toStatus: RentalStatus;
  actorUserId: Id | null;
  actorLabel: string;
  note: string | null;
  createdAt: Date;
}

/** A rental with the ledger rows its figures derive from. */
export interface RentalRecord extends Rental {
  payments: PaymentEntry[];
}

export interface RentalDetail extends RentalRecord {
  statusHistory: RentalStatusChange[];
}

/** Who acts on a rental, as the order history names them. */
export type RentalActor = ChangeActor;
