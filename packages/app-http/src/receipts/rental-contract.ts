import type { RentalContract } from '@giggatek/domain';
import { PdfDocumentWriter } from '../documents/pdf-document.js';
import type { ReceiptOptions } from './order-receipt.js';

// SKELETON (rentals issue): the full agreement with every SPEC §5 disclosure is being written.
export function renderRentalContract(contract: RentalContract, options: ReceiptOptions): Promise<Buffer> {
  const document = new PdfDocumentWriter({
    title: `Rental-purchase agreement #${contract.rental.id}`,
    issuedAt: options.issuedAt,
    ...(options.shop === undefined ? {} : { shop: options.shop }),
  });
  document.header();
  document.heading(`Rental-purchase agreement #${contract.rental.id}`);
  return document.finish();
}
