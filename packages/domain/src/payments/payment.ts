import type { Cents } from '../shared/money.js';
import type { Id } from '../shared/ids.js';

export const PAYMENT_KINDS = ['order', 'installment', 'buyout', 'refund'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const LEDGER_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** One row of the payment ledger (SPEC §6): every attempt and outcome. */
export interface PaymentEntry {
  id: Id;
  userId: Id;
  orderId: Id | null;
  rentalId: Id | null;
  installmentNo: number | null;
  kind: PaymentKind;
  amount: Cents;
  /** The part of `amount` that is late fees (rental installments); 0 otherwise. */
  lateFee: Cents;
  currency: 'usd';
  status: LedgerStatus;
  /** 'stripe' | 'offline' | 'manual' */
  gateway: string;
  gatewayRef: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewPaymentEntry = Omit<PaymentEntry, 'id' | 'createdAt' | 'updatedAt'>;
