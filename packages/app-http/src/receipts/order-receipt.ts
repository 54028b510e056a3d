import PDFDocument from 'pdfkit';
import type { AddressSnapshot, OrderView } from '@giggatek/domain';
import { formatUsd } from './format-usd.js';

/** Who issues the receipt (printed in its header). */
export interface ShopIdentity {
  name: string;
  addressLine: string;
  contactLine: string;
}

export const GIGGATEK: ShopIdentity = {
  name: 'GigGatek',
  addressLine: 'Refurbished computer hardware · 100 Market Street, Austin, TX 78701, US',
  contactLine: 'support@giggatek.com · +1 512 555 0100',
};

export interface ReceiptOptions {
  shop?: ShopIdentity;
  /** When the document was made (from the Clock); stored in the PDF's metadata. */
  issuedAt: Date;
}

const LEFT = 50;
const RIGHT = 545;
const COLUMNS = { name: LEFT, qty: 330, unit: 390, total: 470 };

/** A one-or-more-page A4 receipt of an order: header, addresses, lines, totals, payment status. */
export function renderOrderReceipt(order: OrderView, options: ReceiptOptions): Promise<Buffer> {
  const shop = options.shop ?? GIGGATEK;
  const doc = new PDFDocument({
    size: 'A4',
    margin: LEFT,
    info: { Title: `${shop.name} receipt for order ${order.id}`, Author: shop.name, CreationDate: options.issuedAt },
  });
  const done = collect(doc);

  doc.font('Helvetica-Bold').fontSize(20).text(shop.name, LEFT, 50);
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(shop.addressLine).text(shop.contactLine).fillColor('black');
  doc.moveDown(1.5);

  doc.font('Helvetica-Bold').fontSize(14).text(`Receipt — order #${order.id}`);
  doc.font('Helvetica').fontSize(10)
    .text(`Order date: ${order.createdAt.toISOString().slice(0, 10)}`)
    .text(`Status: ${order.status}   Payment: ${order.paymentStatus}`)
    .text(`Shipping method: ${order.shippingMethod}`);
  doc.moveDown();

  const top = doc.y;
  addressBlock(doc, 'Bill to', order.billingAddress, LEFT, top);
  addressBlock(doc, 'Ship to', order.shippingAddress, 300, top);
  doc.x = LEFT;
  doc.moveDown();

  lineTable(doc, order);
  totals(doc, order);

  doc.moveDown(2);
  doc.font('Helvetica').fontSize(9).fillColor('#555555')
    .text(`Payment status: ${order.paymentStatus}. Amounts in US dollars (${order.currency.toUpperCase()}).`, LEFT)
    .text(`Thank you for shopping with ${shop.name}.`);
  doc.end();
  return done;
}

function addressBlock(doc: PDFKit.PDFDocument, title: string, address: AddressSnapshot, x: number, y: number): void {
  const lines = [
    address.recipientName,
    address.line1,
    address.line2,
    `${address.city}, ${address.state} ${address.postalCode}`,
    address.country,
    address.phone,
  ].filter((line): line is string => line !== null && line !== '');
  doc.font('Helvetica-Bold').fontSize(10).text(title, x, y);
  doc.font('Helvetica').fontSize(10);
  for (const line of lines) doc.text(line, x, doc.y, { width: 230 });
}

function lineTable(doc: PDFKit.PDFDocument, order: OrderView): void {
  doc.moveDown();
  row(doc, ['Item', 'Qty', 'Unit price', 'Line total'], 'Helvetica-Bold');
  doc.moveTo(LEFT, doc.y).lineTo(RIGHT, doc.y).stroke();
  doc.moveDown(0.3);
  for (const item of order.items) {
    if (doc.y > 740) doc.addPage();
    row(doc, [item.productName, String(item.quantity), formatUsd(item.unitPrice), formatUsd(item.lineTotal)], 'Helvetica');
  }
  doc.moveTo(LEFT, doc.y).lineTo(RIGHT, doc.y).stroke();
  doc.moveDown(0.5);
}

function row(doc: PDFKit.PDFDocument, [name, qty, unit, total]: [string, string, string, string], font: string): void {
  const y = doc.y;
  doc.font(font).fontSize(10);
  doc.text(name, COLUMNS.name, y, { width: COLUMNS.qty - COLUMNS.name - 10 });
  const bottom = doc.y;
  doc.text(qty, COLUMNS.qty, y, { width: 50, align: 'right' });
  doc.text(unit, COLUMNS.unit, y, { width: 70, align: 'right' });
  doc.text(total, COLUMNS.total, y, { width: RIGHT - COLUMNS.total, align: 'right' });
  doc.x = LEFT;
  doc.y = Math.max(bottom, doc.y) + 4;
}

function totals(doc: PDFKit.PDFDocument, order: OrderView): void {
  const lines: [string, number, string][] = [
    ['Subtotal', order.subtotal, 'Helvetica'],
    [`Shipping (${order.shippingMethod})`, order.shipping, 'Helvetica'],
    ['Tax', order.tax, 'Helvetica'],
    ['Total', order.total, 'Helvetica-Bold'],
  ];
  for (const [label, amount, font] of lines) {
    const y = doc.y;
    doc.font(font).fontSize(font === 'Helvetica' ? 10 : 12);
    doc.text(label, COLUMNS.unit - 80, y, { width: 150, align: 'right' });
    doc.text(formatUsd(amount), COLUMNS.total, y, { width: RIGHT - COLUMNS.total, align: 'right' });
    doc.x = LEFT;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolveBuffer, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolveBuffer(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
