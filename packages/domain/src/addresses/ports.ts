import type { Id } from '../shared/ids.js';
import type { Address, AddressData } from './address.js';

/**
 * Addresses of one user. The repository keeps "one default per user" itself: saving an
 * address with isDefault=true clears the flag on the user's others in the same
 * transaction; the first address of a user is always the default.
 */
export interface AddressRepository {
  listForUser(userId: Id): Promise<Address[]>;
  /** Null when the address does not exist or is not the user's. */
  findForUser(userId: Id, addressId: Id): Promise<Address | null>;
  create(userId: Id, data: AddressData, now: Date): Promise<Address>;
  update(userId: Id, addressId: Id, data: AddressData, now: Date): Promise<Address | null>;
  /** Deleting the default promotes the most recent remaining address. False when not found. */
  delete(userId: Id, addressId: Id): Promise<boolean>;
}
