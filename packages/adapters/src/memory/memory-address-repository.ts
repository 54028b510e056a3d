import type { Address, AddressData, AddressRepository, Id } from '@giggatek/domain';
import { copy, IdSequence } from './memory-store.js';

/** One default per user that has addresses: the first is the default, a new default clears the others. */
export class MemoryAddressRepository implements AddressRepository {
  private readonly rows = new Map<Id, Address>();
  private readonly ids = new IdSequence();

  /** In creation order. */
  async listForUser(userId: Id): Promise<Address[]> {
    return this.ofUser(userId).map(copy);
  }

  async findForUser(userId: Id, addressId: Id): Promise<Address | null> {
    const row = this.rows.get(addressId);
    return row && row.userId === userId ? copy(row) : null;
  }

  async create(userId: Id, data: AddressData, now: Date): Promise<Address> {
    const isDefault = data.isDefault || this.ofUser(userId).length === 0;
    if (isDefault) this.clearDefault(userId);
    const row: Address = {
      ...copy(data),
      id: this.ids.next(),
      userId,
      isDefault,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
    this.rows.set(row.id, row);
    return copy(row);
  }

  /** Unsetting the flag on the default is ignored: another address must become the default instead. */
  async update(userId: Id, addressId: Id, data: AddressData, now: Date): Promise<Address | null> {
    const current = this.rows.get(addressId);
    if (!current || current.userId !== userId) return null;
    const isDefault = data.isDefault || current.isDefault;
    if (data.isDefault) this.clearDefault(userId);
    const row: Address = { ...current, ...copy(data), isDefault, updatedAt: new Date(now) };
    this.rows.set(addressId, row);
    return copy(row);
  }

  async delete(userId: Id, addressId: Id): Promise<boolean> {
    const current = this.rows.get(addressId);
    if (!current || current.userId !== userId) return false;
    this.rows.delete(addressId);
    if (current.isDefault) {
      const successor = this.ofUser(userId).sort(
        (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
      )[0];
      if (successor) successor.isDefault = true;
    }
    return true;
  }

  private ofUser(userId: Id): Address[] {
    return [...this.rows.values()].filter((row) => row.userId === userId).sort((a, b) => a.id - b.id);
  }

  private clearDefault(userId: Id): void {
    for (const row of this.ofUser(userId)) row.isDefault = false;
  }
}
