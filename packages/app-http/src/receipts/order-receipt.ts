import { amountPaid, formatMoney, type AddressSnapshot, type OrderView, type PaymentEntry } from '@giggatek/domain';
import { PdfDocumentWriter, type ShopIdentity, type TableColumn } from '../documents/pdf-document.js';

export interface ReceiptOptions {
  shop?: ShopIdentity;
  /** When the document was made (from the Clock); stored in the PDF's metadata. */
  issuedAt: Date;
}

const COLUMNS: readonly TableColumn[] = [
  { title: 'Item', x: 50, width: 270 },
  { title: 'Qty', x: 330, width: 50, align: 'right' },
  { title: 'Unit price', x: 390, width: 70, align: 'right' },
  { title: 'Line total', x: 470, width: 75, align: 'right' },
];

const PAYMENT_COLUMNS: readonly TableColumn[] = [
  { title: 'Date', x: 50, width: 100 },
  { title: 'Kind', x: 160, width: 160 },
  { title: 'Amount', x: 470, width: 75, align: 'right' },
];

/** A one-or-more-page A4 receipt of an order: header, addresses, lines, totals, payment status. */
export function renderOrderReceipt(order: OrderView, options: ReceiptOptions): Promise<Buffer> {
  const document = new PdfDocumentWriter({
    title: `Receipt for order #${order.id}`,
    issuedAt: options.issuedAt,
    ...(options.shop === undefined ? {} : { shop: options.shop }),
  });
  document.header();
  document.heading(`Receipt — order #${order.id}`);
  document.lines([
    `Order date: ${order.createdAt.toISOString().slice(0, 10)}`,
    `Status: ${order.status}   Payment: ${order.paymentStatus}`,
    `Shipping method: ${order.shippingMethod}`,
  ]);
  document.space();

  const top = document.y;
  const billEnd = document.block('Bill to', addressLines(order.billingAddress), { x: document.left, y: top }, 230);
  const shipEnd = document.block('Ship to', addressLines(order.shippingAddress), { x: 300, y: top }, 230);
  document.moveTo(Math.max(billEnd, shipEnd));

  document.table(
    COLUMNS,
    order.items.map((item) => [
      item.productName,
      String(item.quantity),
      formatMoney(item.unitPrice),
      formatMoney(item.lineTotal),
    ]),
  );
  document.moneyLines(
    [
      { label: 'Subtotal', amount: order.subtotal },
      { label: `Shipping (${order.shippingMethod})`, amount: order.shipping },
      { label: 'Tax', amount: order.tax },
      { label: 'Total', amount: order.total, bold: true },
    ],
    240,
    470,
  );

  paymentsSection(document, order);

  document.space(2);
  document.note([
    `Payment status: ${order.paymentStatus}. Amounts in US dollars (${order.currency.toUpperCase()}).`,
    `Thank you for shopping with ${document.shopName}.`,
  ]);
  return document.finish();
}

/**
 * The money that moved, from the ledger: each succeeded payment and refund (refunds read
 * negative), then what the customer paid net of refunds. Failed and pending attempts moved
 * nothing and are left out.
 */
function paymentsSection(document: PdfDocumentWriter, order: OrderView): void {
  const moved = order.payments.filter((p) => p.status === 'succeeded' && (p.kind === 'order' || p.kind === 'refund'));
  if (moved.length === 0) return;
  document.space();
  document.table(PAYMENT_COLUMNS, moved.map(paymentRow));
  document.moneyLines([{ label: 'Paid, net of refunds', amount: amountPaid(order), bold: true }], 240, 470);
}

function paymentRow(entry: PaymentEntry): string[] {
  const day = entry.createdAt.toISOString().slice(0, 10);
  if (entry.kind === 'refund') return [day, 'Refund', `-${formatMoney(entry.amount)}`];
  return [day, entry.gatewayRef === null ? 'Payment (offline)' : 'Payment (card)', formatMoney(entry.amount)];
}

/** An address's lines, its empty parts left out. */
export function addressLines(address: AddressSnapshot): string[] {
  return [
    address.recipientName,
    address.line1,
    address.line2,
    `${address.city}, ${address.state} ${address.postalCode}`,
    address.country,
    address.phone,
  ].filter((line): line is string => line !== null && line !== '');
}
