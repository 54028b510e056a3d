import { formatMoney, subtractCents, type RentalPaymentReceipt } from '@giggatek/domain';
import { GIGGATEK, PdfDocumentWriter } from '../documents/pdf-document.js';
import type { ReceiptOptions } from './order-receipt.js';
import { customerLines, lessorLines } from './rental-disclosures.js';

/**
 * The receipt of one rental payment (SPEC §5): what was paid (the late fee part apart), and
 * the rental right after it: remaining balance, payments left, and the early purchase
 * amount on the payment's day, or the transfer of ownership when it completed the rental.
 */
export function renderRentalReceipt(receipt: RentalPaymentReceipt, options: ReceiptOptions): Promise<Buffer> {
  const { payment, rental } = receipt;
  const shop = options.shop ?? GIGGATEK;
  const document = new PdfDocumentWriter({
    title: `Receipt for rental #${rental.id}, payment #${payment.id}`,
    issuedAt: options.issuedAt,
    shop,
  });
  document.header();
  document.heading(`Payment receipt — rental #${rental.id}`);
  document.lines([
    `Payment id: #${payment.id}`,
    `Date: ${payment.createdAt.toISOString()}`,
    `For: ${paidFor(receipt)}`,
    `Item: ${rental.productName} (${rental.productCondition}, used/refurbished)`,
    ...(payment.gatewayRef === null ? [] : [`Payment reference: ${payment.gateway} ${payment.gatewayRef}`]),
  ]);
  document.space();

  const top = document.y;
  const shopEnd = document.block('Paid to', lessorLines(shop), { x: document.left, y: top }, 230);
  const customerEnd = document.block(
    'Customer',
    customerLines(receipt.customer, rental.deliveryAddress),
    { x: 300, y: top },
    245,
  );
  document.moveTo(Math.max(shopEnd, customerEnd));
  document.space();

  document.moneyLines(
    [
      {
        label: payment.kind === 'buyout' ? 'Early purchase' : `Installment ${payment.installmentNo ?? ''}`.trim(),
        amount: subtractCents(payment.amount, payment.lateFee),
      },
      { label: 'Late fee', amount: payment.lateFee },
      { label: 'Total paid', amount: payment.amount, bold: true },
    ],
    240,
    470,
  );
  document.section('Your rental after this payment', afterLines(receipt));

  document.space(2);
  document.note([
    `Amounts in US dollars (${payment.currency.toUpperCase()}). Times are UTC.`,
    `Thank you for renting with ${shop.name}.`,
  ]);
  return document.finish();
}

function paidFor({ payment, rental }: RentalPaymentReceipt): string {
  if (payment.kind === 'buyout') return 'early purchase (the buyout of the item)';
  return `installment ${payment.installmentNo ?? 'of the schedule'} of ${rental.totalMonths}`;
}

function afterLines({ payment, rental, after }: RentalPaymentReceipt): string[] {
  const day = payment.createdAt.toISOString().slice(0, 10);
  const next = after.nextInstallment;
  const lines = [
    `Paid so far: ${formatMoney(after.paidTotal)} of ${formatMoney(rental.totalAmount)} (late fees not included).`,
    `Remaining balance: ${formatMoney(after.remainingBalance)}.`,
    `Payments left: ${after.remainingPayments} of ${rental.totalMonths}.`,
    next === null
      ? 'Next payment: none.'
      : `Next payment: installment ${next.installmentNo}, ${formatMoney(next.amount)}, due ${next.dueDate.toString()}.`,
  ];
  if (after.lateFeesDue > 0) lines.push(`Late fees still owed: ${formatMoney(after.lateFeesDue)}.`);
  if (rental.ownershipTransferredAt !== null && after.remainingBalance === 0) {
    lines.push(
      `Ownership transferred: this payment completed the rental, and the item is yours since ` +
        `${rental.ownershipTransferredAt.toISOString()}. Nothing more is owed.`,
    );
  } else if (after.buyout !== null) {
    lines.push(`Early purchase amount on ${day}: ${formatMoney(after.buyout.amount)} (to own the item that day).`);
  } else {
    lines.push(`Early purchase amount on ${day}: not available (the rental was not active).`);
  }
  return lines;
}
