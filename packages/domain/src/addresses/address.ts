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
