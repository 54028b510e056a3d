import type { Knex } from 'knex';
import type { Address, AddressData, AddressRepository, Id } from '@giggatek/domain';
import { isMysql } from '../database.js';
import { toBoolean, toDate } from '../row-values.js';
import { insertedId } from '../rows/index.js';
import { snapshotColumns, toSnapshot } from './address-snapshot-columns.js';
import type { AddressRow } from '../rows/index.js';
import { dbOf, inTransaction } from '../unit-of-work.js';

/**
 * Keeps exactly one default address per user that has any. Every change runs in a
 * transaction that first locks the user's row (MySQL), so two concurrent first
 * addresses cannot both become the default; SQLite's single connection serialises them.
 * Writes retry on a deadlock: InnoDB gap locks on the user_id index can still make two
 * different users' transactions collide.
 */
export class SqlAddressRepository implements AddressRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  /** In creation order. */
  async listForUser(userId: Id): Promise<Address[]> {
    const rows = await this.db('addresses').where({ user_id: userId }).orderBy('id', 'asc');
    return rows.map(toAddress);
  }

  async findForUser(userId: Id, addressId: Id): Promise<Address | null> {
    const row = await this.db('addresses').where({ id: addressId, user_id: userId }).first();
    return row ? toAddress(row) : null;
  }

  async create(userId: Id, data: AddressData, now: Date): Promise<Address> {
    const id = await inTransaction(this.knex, async (trx) => {
      await lockUser(trx, userId);
      const existing = await trx('addresses').where({ user_id: userId }).first('id');
      const isDefault = data.isDefault || !existing;
      // A first address has no default to clear (and the empty UPDATE would only take gap locks).
      if (isDefault && existing) await clearDefault(trx, userId);
      const ids = await trx('addresses').insert({
        ...toColumns(data),
        is_default: isDefault,
        user_id: userId,
        created_at: now,
        updated_at: now,
      });
      return insertedId(ids, 'addresses');
    });
    const created = await this.findForUser(userId, id);
    if (!created) throw new Error('the new address is gone');
    return created;
  }

  /** Unsetting the flag on the default is ignored: another address must become the default instead. */
  async update(userId: Id, addressId: Id, data: AddressData, now: Date): Promise<Address | null> {
    const found = await inTransaction(this.knex, async (trx) => {
      await lockUser(trx, userId);
      const current = await trx('addresses').where({ id: addressId, user_id: userId }).first();
      if (!current) return false;
      const isDefault = data.isDefault || toBoolean(current.is_default);
      if (data.isDefault) await clearDefault(trx, userId);
      await trx('addresses')
        .where({ id: addressId })
        .update({ ...toColumns(data), is_default: isDefault, updated_at: now });
      return true;
    });
    return found ? this.findForUser(userId, addressId) : null;
  }

  async delete(userId: Id, addressId: Id): Promise<boolean> {
    return inTransaction(this.knex, async (trx) => {
      await lockUser(trx, userId);
      const current = await trx('addresses').where({ id: addressId, user_id: userId }).first();
      if (!current) return false;
      await trx('addresses').where({ id: addressId }).delete();
      if (toBoolean(current.is_default)) {
        const successor = await trx('addresses')
          .where({ user_id: userId })
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .first('id');
        if (successor) await trx('addresses').where({ id: successor.id }).update({ is_default: true });
      }
      return true;
    });
  }
}

async function lockUser(trx: Knex.Transaction, userId: Id): Promise<void> {
  if (isMysql(trx)) await trx('users').where({ id: userId }).forUpdate().first('id');
}

async function clearDefault(trx: Knex.Transaction, userId: Id): Promise<void> {
  await trx('addresses').where({ user_id: userId, is_default: true }).update({ is_default: false });
}

function toColumns(data: AddressData) {
  return { label: data.label, ...snapshotColumns(data) };
}

function toAddress(row: AddressRow): Address {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label ?? null,
    ...toSnapshot(row),
    isDefault: toBoolean(row.is_default),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
