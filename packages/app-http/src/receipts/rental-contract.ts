import type { RentalContract } from '@giggatek/domain';
import { GIGGATEK, PdfDocumentWriter, type TableColumn } from '../documents/pdf-document.js';
import type { ReceiptOptions } from './order-receipt.js';
import {
  customerLines,
  defaultLines,
  itemLines,
  latePaymentLines,
  lessorLines,
  ownershipLines,
  paymentTermLines,
  returnLines,
  SCHEDULE_TITLES,
  scheduleIntro,
  scheduleRows,
  signatureLines,
} from './rental-disclosures.js';
import { earlyPurchaseLines } from './rental-early-purchase.js';

const SCHEDULE_COLUMNS: readonly TableColumn[] = [
  { title: SCHEDULE_TITLES[0], x: 50, width: 60 },
  { title: SCHEDULE_TITLES[1], x: 120, width: 100 },
  { title: SCHEDULE_TITLES[2], x: 230, width: 90, align: 'right' },
  { title: SCHEDULE_TITLES[3], x: 340, width: 205 },
];

/**
 * The rental-purchase agreement (SPEC §5): the parties, the item, every payment, and the
 * disclosures of ownership, early purchase, late fees, default, return and the signature,
 * in plain words with the rental's own stored figures.
 */
export function renderRentalContract(contract: RentalContract, options: ReceiptOptions): Promise<Buffer> {
  const { rental, account, asOf } = contract;
  const shop = options.shop ?? GIGGATEK;
  const document = new PdfDocumentWriter({
    title: `Rental-purchase agreement #${rental.id}`,
    issuedAt: options.issuedAt,
    shop,
  });
  document.header();
  document.heading(`Rental-purchase agreement #${rental.id}`);
  document.lines([
    `Date of this document: ${asOf.toString()}`,
    `Status: ${rental.status}${rental.contractSignedAt === null ? ' (not signed yet)' : ''}`,
  ]);
  document.space();

  const top = document.y;
  const lessorEnd = document.block('Lessor', lessorLines(shop), { x: document.left, y: top }, 230);
  const customerEnd = document.block(
    'Customer',
    customerLines(contract.customer, rental.deliveryAddress),
    { x: 300, y: top },
    245,
  );
  document.moveTo(Math.max(lessorEnd, customerEnd));

  document.section('The item', itemLines(rental));
  document.section('What you pay', paymentTermLines(rental));
  document.section('Payment schedule', [scheduleIntro(contract)]);
  document.table(SCHEDULE_COLUMNS, scheduleRows(account.schedule));
  document.section('Ownership', ownershipLines(rental));
  document.section('Early purchase option', earlyPurchaseLines(contract));
  document.section('Late payments', latePaymentLines(rental));
  document.section('Default and reinstatement', defaultLines(rental));
  document.section('Your right to return the item', returnLines(shop));
  document.section('Signature', signatureLines(rental));

  document.space(2);
  document.note([
    `Amounts in US dollars (${rental.currency.toUpperCase()}). Times are UTC.`,
    `Thank you for renting with ${shop.name}.`,
  ]);
  return document.finish();
}
