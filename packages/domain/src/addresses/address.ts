import type { Id } from '../shared/ids.js';

export interface Address {
  id: Id;
  userId: Id;
  label: string | null;
  recipientName: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  phone: string | null;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What a client may set on an address. */
export interface AddressInput {
  label?: string | null;
  recipientName: string;
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  postalCode: string;
  country?: string;
  phone?: string | null;
  isDefault?: boolean;
}

export type AddressData = Omit<Address, 'id' | 'userId' | 'createdAt' | 'updatedAt'>;

/** The text of an address, as an order copies it (SPEC §3: later edits never change the order). */
export type AddressSnapshot = Pick<
  Address,
  'recipientName' | 'line1' | 'line2' | 'city' | 'state' | 'postalCode' | 'country' | 'phone'
>;

export function snapshotOf(address: AddressSnapshot): AddressSnapshot {
  return {
    recipientName: address.recipientName,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    state: address.state,
    postalCode: address.postalCode,
    country: address.country,
    phone: address.phone,
  };
}
