import type { Knex } from 'knex';
import { offsetOf } from '@giggatek/domain';
import type {
  Id,
  LedgerStatus,
  NewPaymentEntry,
  Page,
  PageRequest,
  PaymentEntry,
  PaymentLedger,
} from '@giggatek/domain';
import { isMysql } from '../database.js';
import { isUniqueViolation, toNumber } from '../row-values.js';
import { insertedId } from '../rows/index.js';
import { dbOf, inTransaction } from '../unit-of-work.js';
import { paymentColumns, toPaymentEntry } from './order-rows.js';

/**
 * The payment ledger (`payments`) and the applied gateway events (`gateway_events`) on
 * SQLite and MySQL. Every query joins the unit of work around it (dbOf, inTransaction).
 */
export class SqlPaymentLedger implements PaymentLedger {
  constructor(private readonly knex: Knex) {}

  private get db(): Knex {
    return dbOf(this.knex);
  }

  insert(entry: NewPaymentEntry, now: Date): Promise<PaymentEntry> {
    return inTransaction(this.knex, async (trx) => {
      const id = insertedId(await trx('payments').insert(paymentColumns(entry, now)), 'payments');
      const row = await trx('payments').where({ id }).first();
      if (!row) throw new Error(`payment ${id} is gone`);
      return toPaymentEntry(row);
    });
  }

  async findById(id: Id): Promise<PaymentEntry | null> {
    const row = await this.db('payments').where({ id }).first();
    return row ? toPaymentEntry(row) : null;
  }

  async findByGatewayRef(gatewayRef: string): Promise<PaymentEntry | null> {
    const row = await this.db('payments').where({ gateway_ref: gatewayRef }).first();
    return row ? toPaymentEntry(row) : null;
  }

  /** FOR UPDATE on MySQL; SQLite's unit of work already holds the database's write lock (BEGIN IMMEDIATE). */
  async lockByGatewayRef(gatewayRef: string): Promise<PaymentEntry | null> {
    const query = this.db('payments').where({ gateway_ref: gatewayRef }).first();
    if (isMysql(this.knex)) query.forUpdate();
    const row = await query;
    return row ? toPaymentEntry(row) : null;
  }

  async changeStatus(id: Id, from: readonly LedgerStatus[], to: LedgerStatus, now: Date): Promise<boolean> {
    const changed = await this.db('payments')
      .where({ id })
      .whereIn('status', [...from])
      .update({ status: to, updated_at: now });
    return changed === 1;
  }

  async listForUser(userId: Id, request: PageRequest): Promise<Page<PaymentEntry>> {
    const [rows, counted] = await Promise.all([
      this.db('payments')
        .where({ user_id: userId })
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(request.perPage)
        .offset(offsetOf(request)),
      this.db('payments').where({ user_id: userId }).count({ total: '*' }),
    ]);
    return {
      items: rows.map(toPaymentEntry),
      total: toNumber(counted[0]?.total ?? 0),
      page: request.page,
      perPage: request.perPage,
    };
  }

  async listForOrder(orderId: Id): Promise<PaymentEntry[]> {
    const rows = await this.db('payments').where({ order_id: orderId }).orderBy('id', 'asc');
    return rows.map(toPaymentEntry);
  }

  /**
   * A plain insert whose primary key refuses a second one. On MySQL a concurrent insert of
   * the same id waits for the first transaction and then fails (or succeeds, if the first
   * rolled back), so exactly one of them records the event; the failed statement leaves
   * the rest of its transaction usable.
   */
  async recordEvent(event: { id: string; type: string; createdAt: Date }, now: Date): Promise<boolean> {
    try {
      await this.db('gateway_events').insert({
        event_id: event.id,
        type: event.type,
        event_created_at: event.createdAt,
        applied_at: now,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
