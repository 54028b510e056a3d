import type { Knex } from 'knex';
import type {
  AdminOrderFilter, ChangeActor, Id, KeyedOrderDetail, NewOrder, NewPaymentEntry, Order, OrderDetail, OrderListFilter, OrderRepository,
  Page, PaymentEntry, PaymentStatus, StatusChangeRequest,
} from '@giggatek/domain';
import { expiryCancellation, UNPAID_PAYMENT_STATUSES } from '@giggatek/domain';
import { isMysql } from '../database.js';
import { toNumber, toStringOrNull } from '../row-values.js';
import { transactionWithRetry } from '../transactions.js';
import { listAllOrders, listOrdersForUser, loadOrder, loadOrderDetail, loadOrders } from './order-queries.js';
import { paymentColumns } from './order-rows.js';
import { applyStatusChange, insertOrderTakingStock } from './order-writes.js';

/** Payment statuses of an order nobody has paid for: those the expiry job may cancel. */

export class SqlOrderRepository implements OrderRepository {
  constructor(private readonly knex: Knex) {}

  /**
   * On MySQL in READ COMMITTED: every read that decides (the key holder, the stock) is a
   * locking read of the latest rows anyway, and this level takes no gap locks, so the
   * locking look for a key no order holds yet does not deadlock concurrent placements.
   */
  async placeWithStock(order: NewOrder): Promise<Order> {
    const config: Knex.TransactionConfig | undefined = isMysql(this.knex) ? { isolationLevel: 'read committed' } : undefined;
    return transactionWithRetry(this.knex, async (trx) => {
      const id = await insertOrderTakingStock(trx, order);
      return (await loadOrder(trx, id)) as Order;
    }, config);
  }

  findDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null> {
    return loadOrderDetail(this.knex, { id });
  }

  async findByIdempotencyKey(userId: Id, key: string): Promise<KeyedOrderDetail | null> {
    const holder = (await this.knex('orders')
      .where({ user_id: userId, idempotency_key: key })
      .first('id', 'idempotency_request_hash')) as { id: unknown; idempotency_request_hash: unknown } | undefined;
    const detail = holder ? await loadOrderDetail(this.knex, { id: toNumber(holder.id) }) : null;
    return detail && holder ? { ...detail, idempotencyRequestHash: toStringOrNull(holder.idempotency_request_hash) } : null;
  }

  listForUser(userId: Id, filter: OrderListFilter): Promise<Page<Order>> {
    return listOrdersForUser(this.knex, userId, filter);
  }

  listAll(filter: AdminOrderFilter): Promise<Page<Order>> {
    return listAllOrders(this.knex, filter);
  }

  async changeStatus(id: Id, change: StatusChangeRequest): Promise<Order | null> {
    return transactionWithRetry(this.knex, async (trx) => {
      const changed = await applyStatusChange(trx, id, change);
      return changed ? loadOrder(trx, id) : null;
    });
  }

  async updateFields(
    id: Id,
    fields: { trackingNumber?: string | null; paymentStatus?: PaymentStatus; payment?: NewPaymentEntry },
    now: Date,
  ): Promise<Order | null> {
    return transactionWithRetry(this.knex, async (trx) => {
      const changed = await trx('orders')
        .where({ id })
        .update({
          ...(fields.trackingNumber !== undefined ? { tracking_number: fields.trackingNumber } : {}),
          ...(fields.paymentStatus ? { payment_status: fields.paymentStatus } : {}),
          updated_at: now,
        });
      if (changed === 0) return null;
      if (fields.payment) await trx('payments').insert(paymentColumns(fields.payment, now));
      return loadOrder(trx, id);
    });
  }

  /**
   * Picks candidates without locking, then cancels each in its own transaction after
   * claiming its row: on MySQL with FOR UPDATE SKIP LOCKED, so another scheduler busy
   * with that order is skipped rather than waited for, and the claim re-checks the
   * conditions on the latest row (an order cancelled or paid meanwhile is left alone).
   * The conditional update in applyStatusChange is the final guard on both engines.
   */
  async cancelExpired(cutoff: Date, limit: number, now: Date, actor: ChangeActor): Promise<Order[]> {
    const candidates = (await this.expiredQuery(this.knex, cutoff).orderBy('id', 'asc').limit(limit).pluck('id')) as Id[];
    const cancelled: Id[] = [];
    for (const id of candidates) {
      const done = await transactionWithRetry(this.knex, async (trx) => {
        const claim = this.expiredQuery(trx, cutoff).where('id', id).first('id');
        if (isMysql(trx)) claim.forUpdate().skipLocked();
        if (!(await claim)) return false;
        return applyStatusChange(trx, id, expiryCancellation(actor, now));
      });
      if (done) cancelled.push(id);
    }
    return loadOrders(this.knex, cancelled);
  }

  private expiredQuery(db: Knex, cutoff: Date): Knex.QueryBuilder {
    return db('orders').where('status', 'pending').whereIn('payment_status', UNPAID_PAYMENT_STATUSES).where('created_at', '<', cutoff);
  }
}
