import type { PaymentEntry } from '../../src/payments/payment.js';
import { DEFAULT_RENTAL_POLICY, type RentalPolicy } from '../../src/renting/rental-policy.js';
import { quoteTerm } from '../../src/renting/rental-quote.js';
import { installmentDueDate, lateFeeFor } from '../../src/renting/rental-schedule.js';
import type { Rental, RentalStatus } from '../../src/renting/rental.js';
import type { LocalDate } from '../../src/shared/local-date.js';
import { addCents, cents } from '../../src/shared/money.js';

export interface RentalFixture {
  cashPrice: number;
  months: number;
  policy?: RentalPolicy;
  overrides?: Record<number, number>;
  /** The signing date; null for a pending rental. */
  startDate: LocalDate | null;
  status?: RentalStatus;
}

/** Rental #1 with the figures quoteTerm gives (as RentingService.createRental stores them). */
export function rentalOf(fixture: RentalFixture): Rental {
  const policy = fixture.policy ?? DEFAULT_RENTAL_POLICY;
  const rentalRates = Object.fromEntries(Object.entries(fixture.overrides ?? {}).map(([n, r]) => [n, cents(r)]));
  const quoted = quoteTerm({ price: cents(fixture.cashPrice), rentalRates }, fixture.months, policy);
  if ('refusal' in quoted) throw new Error(`fixture cannot be quoted: ${quoted.refusal}`);
  const { quote } = quoted;
  const start = fixture.startDate;
  const created = new Date('2025-01-01T00:00:00Z');
  return {
    id: 1,
    userId: 7,
    productId: 3,
    productName: 'ThinkPad T14 Gen 3',
    productCondition: 'Refurbished',
    status: fixture.status ?? (start ? 'active' : 'pending'),
    currency: 'usd',
    deliveryAddress: {
      recipientName: 'Ada Lovelace',
      line1: '1 Main St',
      line2: null,
      city: 'Springfield',
      state: 'CA',
      postalCode: '90001',
      country: 'US',
      phone: null,
    },
    startDate: start,
    endDate: start ? installmentDueDate(start, quote.termMonths) : null,
    installmentsPaid: 0,
    nextDueDate: start,
    contractSignedAt: start ? start.startInstant() : null,
    signature: start ? 'Ada Lovelace' : null,
    signatureIp: null,
    ownershipTransferredAt: null,
    returnedAt: null,
    receivedAt: null,
    defaultedAt: null,
    createdAt: created,
    updatedAt: created,
    cashPrice: cents(fixture.cashPrice),
    totalMonths: quote.termMonths,
    monthlyRate: quote.monthlyRate,
    totalAmount: quote.totalAmount,
    graceDays: policy.graceDays,
    lateFeeBp: policy.lateFeeBp,
    lateFeeCap: cents(policy.lateFeeCap),
    lateFee: lateFeeFor(quote.monthlyRate, policy),
    sameAsCashDays: policy.sameAsCashDays,
    defaultAfterDays: policy.defaultAfterDays,
  };
}

let nextId = 1;

/** A ledger row of rental #1; ids grow in the order rows are made, as the store assigns them. */
export function ledgerRow(row: Partial<PaymentEntry> & Pick<PaymentEntry, 'kind' | 'amount'>): PaymentEntry {
  const at = row.createdAt ?? new Date('2025-01-01T12:00:00Z');
  return {
    id: nextId++,
    userId: 7,
    orderId: null,
    rentalId: 1,
    installmentNo: null,
    lateFee: cents(0),
    currency: 'usd',
    status: 'succeeded',
    gateway: 'offline',
    gatewayRef: null,
    createdAt: at,
    updatedAt: at,
    ...row,
  };
}

/** The succeeded row paying installment `no` of `rental` on `day`, with `lateFee` on top. */
export function installmentPaid(rental: Rental, no: number, day: LocalDate, lateFee = 0): PaymentEntry {
  return ledgerRow({
    kind: 'installment',
    installmentNo: no,
    amount: addCents(rental.monthlyRate, lateFee),
    lateFee: cents(lateFee),
    createdAt: new Date(day.startInstant().getTime() + 12 * 3_600_000),
  });
}
