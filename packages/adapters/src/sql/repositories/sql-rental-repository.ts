import type { Knex } from 'knex';
import type {
  AdminRentalFilter,
  ChangeActor,
  Id,
  NewPaymentEntry,
  NewRental,
  Page,
  PaymentEntry,
  Rental,
  RentalDetail,
  RentalListFilter,
  RentalProgress,
  RentalRecord,
  RentalRepository,
  RentalStatusChangeRequest,
} from '@giggatek/domain';
import { isMysql } from '../database.js';
import { dbOf, inTransaction } from '../unit-of-work.js';
import { listAllRentals, listRentalsForUser, loadRentalDetail } from './rental-queries.js';
import { toRental } from './rental-rows.js';
import {
  applyReceived,
  applyRentalStatusChange,
  insertNote,
  insertRentalPayment,
  insertRentalTakingStock,
  moveRentalOn,
} from './rental-writes.js';

/**
 * Rentals on SQLite and MySQL. Every write is one transaction of its own, or joins the
 * unit of work around it (inTransaction); on MySQL that runs READ COMMITTED, and every
 * deciding read is a locking read or a conditional UPDATE of the latest row.
 */
export class SqlRentalRepository implements RentalRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  /** A write in its own transaction, or in the unit of work around it; READ COMMITTED on MySQL, as a unit of work is. */
  private write<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    const config: Knex.TransactionConfig | undefined = isMysql(this.knex)
      ? { isolationLevel: 'read committed' }
      : undefined;
    return inTransaction(this.knex, work, config);
  }

  createTakingStock(rental: NewRental): Promise<Rental> {
    return this.write(async (trx) => {
      const id = await insertRentalTakingStock(trx, rental);
      const row = await trx('rentals').where({ id }).first();
      if (!row) throw new Error(`rental ${id} is gone`);
      return toRental(row);
    });
  }

  findDetail(id: Id): Promise<RentalDetail | null> {
    return loadRentalDetail(this.db, id, { lock: false });
  }

  /** Meant for a unit of work: outside one the lock ends with the read itself. */
  lockDetail(id: Id): Promise<RentalDetail | null> {
    return loadRentalDetail(this.db, id, { lock: true });
  }

  listForUser(userId: Id, filter: RentalListFilter): Promise<Page<RentalRecord>> {
    return listRentalsForUser(this.db, userId, filter);
  }

  listAll(filter: AdminRentalFilter): Promise<Page<RentalRecord>> {
    return listAllRentals(this.db, filter);
  }

  changeStatus(id: Id, change: RentalStatusChangeRequest): Promise<boolean> {
    return this.write((trx) => applyRentalStatusChange(trx, id, change));
  }

  recordPayment(id: Id, entry: NewPaymentEntry, progress: RentalProgress | null, now: Date): Promise<PaymentEntry> {
    return this.write((trx) => insertRentalPayment(trx, id, entry, progress, now));
  }

  recordProgress(id: Id, progress: RentalProgress, now: Date): Promise<void> {
    return this.write((trx) => moveRentalOn(trx, id, progress, now));
  }

  markReceived(id: Id, change: { actor: ChangeActor; note: string | null; now: Date }): Promise<boolean> {
    return this.write((trx) => applyReceived(trx, id, change));
  }

  addNote(id: Id, change: { actor: ChangeActor; note: string; now: Date }): Promise<void> {
    return this.write((trx) => insertNote(trx, id, change));
  }
}
