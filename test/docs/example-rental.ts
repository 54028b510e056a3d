// The rental the worked examples of docs/rent-to-own.md follow, built with the domain's own
// functions, as RentingService.createRental and signContract store one.
import {
  cents,
  installmentDueDate,
  lateFeeFor,
  quoteTerm,
  type Cents,
  type LocalDate,
  type PaymentEntry,
  type Rental,
  type RentalPolicy,
} from '@giggatek/domain';

export type SignedRental = Rental & { startDate: LocalDate };

/** A signed rental of a product priced `cashPrice`, over `months`, under `policy`. */
export function signedRental(cashPrice: Cents, months: number, policy: RentalPolicy, start: LocalDate): SignedRental {
  const quoted = quoteTerm({ price: cashPrice, rentalRates: {} }, months, policy);
  if ('refusal' in quoted) throw new Error(`the example cannot be quoted: ${quoted.refusal}`);
  const { quote } = quoted;
  const signedAt = start.startInstant();
  return {
    id: 1,
    userId: 1,
    productId: 1,
    productName: 'Refurbished laptop',
    productCondition: 'Refurbished',
    status: 'active',
    currency: 'usd',
    deliveryAddress: {
      recipientName: 'A. Customer',
      line1: '1 Main St',
      line2: null,
      city: 'Sacramento',
      state: 'CA',
      postalCode: '95814',
      country: 'US',
      phone: null,
    },
    startDate: start,
    endDate: installmentDueDate(start, months),
    installmentsPaid: 0,
    nextDueDate: start,
    contractSignedAt: signedAt,
    signature: 'A. Customer',
    signatureIp: null,
    ownershipTransferredAt: null,
    returnedAt: null,
    receivedAt: null,
    defaultedAt: null,
    createdAt: signedAt,
    updatedAt: signedAt,
    cashPrice,
    totalMonths: months,
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

/** The ledger rows of installments 1…count, each paid on its due date (no late fee). */
export function paidOnTime(rental: SignedRental, count: number): PaymentEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const installmentNo = index + 1;
    const at = installmentDueDate(rental.startDate, installmentNo).startInstant();
    return {
      id: installmentNo,
      userId: rental.userId,
      orderId: null,
      rentalId: rental.id,
      installmentNo,
      kind: 'installment',
      amount: rental.monthlyRate,
      lateFee: cents(0),
      currency: 'usd',
      status: 'succeeded',
      gateway: 'offline',
      gatewayRef: null,
      createdAt: at,
      updatedAt: at,
    };
  });
}
