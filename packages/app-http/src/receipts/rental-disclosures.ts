import {
  formatMoney,
  subtractCents,
  type AddressSnapshot,
  type Installment,
  type Rental,
  type RentalContract,
} from '@giggatek/domain';
import type { ShopIdentity } from '../documents/pdf-document.js';
import { addressLines } from './order-receipt.js';

/**
 * The plain-words disclosures of a rental-purchase agreement (SPEC §5), as lines of text.
 * Every figure is the rental's own, stored when it was created (never the current policy),
 * and every label gets a value, so the contract has no blank field.
 */

type Customer = RentalContract['customer'];

/** The customer's name, else the delivery address's recipient (a name is never blank). */
export function customerName(customer: Customer, address: AddressSnapshot): string {
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  return name === '' ? address.recipientName : name;
}

export function lessorLines(shop: ShopIdentity): string[] {
  return [`${shop.name} (the lessor, "we")`, shop.addressLine, shop.contactLine];
}

export function customerLines(customer: Customer, address: AddressSnapshot): string[] {
  return [
    `${customerName(customer, address)} (the customer, "you")`,
    customer.email,
    'Delivery address:',
    ...addressLines(address),
  ];
}

export function itemLines(rental: Rental): string[] {
  return [
    `Item: ${rental.productName}`,
    `Condition: ${rental.productCondition}. The item is used (refurbished), not new.`,
  ];
}

export function paymentTermLines(rental: Rental): string[] {
  const costOfRental = subtractCents(rental.totalAmount, rental.cashPrice);
  return [
    `Cash price: ${formatMoney(rental.cashPrice)} (the price to buy the item outright when this agreement was made).`,
    `Each payment: ${formatMoney(rental.monthlyRate)}, once a month.`,
    `Number of payments: ${rental.totalMonths}.`,
    `Total of payments: ${formatMoney(rental.totalAmount)} (${rental.totalMonths} × ${formatMoney(rental.monthlyRate)}).`,
    `Cost of rental: ${formatMoney(costOfRental)} (the total of payments ${formatMoney(rental.totalAmount)} minus the cash price ${formatMoney(rental.cashPrice)}).`,
  ];
}

/** When the payments fall due; an unsigned rental's are those of a signature today. */
export function scheduleIntro({ rental, asOf }: RentalContract): string {
  const rule =
    'Each payment is due a calendar month after the one before (on the last day of a shorter month), ' +
    'counted from the first.';
  if (rental.startDate === null || rental.endDate === null) {
    return (
      `Not signed yet: the dates below are those that apply if you sign today, ${asOf.toString()}. ` +
      `The first payment is due on the day you sign. ${rule}`
    );
  }
  return `The first payment was due on the signing date, ${rental.startDate.toString()}, and the last is due on ${rental.endDate.toString()}. ${rule}`;
}

export const SCHEDULE_TITLES = ['Payment', 'Due date', 'Amount', 'Status'] as const;

export function scheduleRows(schedule: readonly Installment[]): string[][] {
  return schedule.map((installment) => [
    String(installment.installmentNo),
    installment.dueDate.toString(),
    formatMoney(installment.amount),
    installmentStatus(installment),
  ]);
}

function installmentStatus(installment: Installment): string {
  switch (installment.status) {
    case 'paid':
      return installment.lateFee > 0 ? `paid (late fee ${formatMoney(installment.lateFee)})` : 'paid';
    case 'late':
      return `late (late fee ${formatMoney(installment.lateFee)} owed)`;
    case 'bought_out':
      return 'settled by early purchase';
    case 'cancelled':
      return 'not owed (agreement ended)';
    case 'due':
      return 'to pay';
  }
}

export function ownershipLines(rental: Rental): string[] {
  const lines = [
    `You do not own the item until you have made every payment (the total of payments, ${formatMoney(rental.totalAmount)}) ` +
      'or used the early purchase option below. Until then the item belongs to us and you rent it.',
  ];
  if (rental.ownershipTransferredAt !== null) {
    lines.push(`Ownership passed to you on ${rental.ownershipTransferredAt.toISOString()}.`);
  }
  return lines;
}

export function latePaymentLines(rental: Rental): string[] {
  return [
    `Grace period: ${rental.graceDays} days. A payment not made within ${rental.graceDays} days after its due date is late.`,
    `Late fee: ${formatMoney(rental.lateFee)} for each late payment, owed with that payment ` +
      `(${percentOf(rental.lateFeeBp)} of the payment, at most ${formatMoney(rental.lateFeeCap)}). ` +
      'It is charged once per late payment.',
  ];
}

export function defaultLines(rental: Rental): string[] {
  return [
    `Default: if a payment is more than ${rental.defaultAfterDays} days overdue, we may place this agreement in default. ` +
      'No payment is taken while it is in default.',
    'Reinstatement: you can reinstate an agreement in default by paying the arrears (every overdue payment) ' +
      'and their late fees. It then continues on the same schedule.',
  ];
}

export function returnLines(shop: ShopIdentity): string[] {
  return [
    'You may return the item at any time, in default too, and you then owe nothing further: ' +
      'no later payment is due and no other charge applies.',
    'No refund is given for payments already made.',
    `To return the item, contact us: ${shop.contactLine}.`,
  ];
}

/** The signature block; an unsigned rental says so on every line. */
export function signatureLines(rental: Rental): string[] {
  if (rental.signature === null || rental.contractSignedAt === null) {
    const missing = rental.status === 'pending' ? 'not signed yet' : `never signed (the rental is ${rental.status})`;
    return [`Signed by: ${missing}`, `Signed at: ${missing}`, `Signed from IP address: ${missing}`];
  }
  const typed = rental.signature.trim();
  const signedBy = typed.startsWith('data:') ? 'drawn signature on file' : typed === '' ? 'signature on file' : typed;
  return [
    `Signed by: ${signedBy}`,
    `Signed at: ${rental.contractSignedAt.toISOString()}`,
    `Signed from IP address: ${rental.signatureIp ?? 'not recorded'}`,
  ];
}

/** Basis points as a percentage people read: 500 → "5%", 250 → "2.5%". */
export function percentOf(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? `${whole}%` : `${whole}.${fraction}%`;
}
