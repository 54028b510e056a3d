import type { RentalPaymentReceipt } from '@giggatek/domain';
import { PdfDocumentWriter } from '../documents/pdf-document.js';
import type { ReceiptOptions } from './order-receipt.js';

// SKELETON (rentals issue): the receipt of SPEC §5 is being written.
export function renderRentalReceipt(receipt: RentalPaymentReceipt, options: ReceiptOptions): Promise<Buffer> {
  const document = new PdfDocumentWriter({
    title: `Receipt for rental #${receipt.rental.id}, payment #${receipt.payment.id}`,
    issuedAt: options.issuedAt,
    ...(options.shop === undefined ? {} : { shop: options.shop }),
  });
  document.header();
  document.heading(`Payment receipt — rental #${receipt.rental.id}`);
  return document.finish();
}
