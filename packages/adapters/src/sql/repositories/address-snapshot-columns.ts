import type { AddressSnapshot } from '@giggatek/domain';
import type { AddressSnapshotRow } from '../rows/index.js';

/**
 * The columns of an address's text, as the address book stores it and as an order copies
 * it (under shipping_ and billing_): one mapping for both tables.
 */
export function snapshotColumns(address: AddressSnapshot): AddressSnapshotRow {
  return {
    recipient_name: address.recipientName,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    state: address.state,
    postal_code: address.postalCode,
    country: address.country,
    phone: address.phone,
  };
}

export function toSnapshot(row: AddressSnapshotRow): AddressSnapshot {
  return {
    recipientName: row.recipient_name,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    state: row.state,
    postalCode: row.postal_code,
    country: row.country,
    phone: row.phone,
  };
}
