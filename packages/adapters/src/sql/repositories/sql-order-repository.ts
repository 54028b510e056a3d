import type { Knex } from 'knex';
import type {
  AdminOrderFilter,
  ChangeActor,
  Id,
  NewOrder,
  Order,
  OrderDetail,
  OrderListFilter,
  OrderRepository,
  Page,
  PaymentEntry,
  StatusChangeRequest,
  TrackingNumberChange,
} from '@giggatek/domain';
import { expiryCancellation, UNPAID_PAYMENT_STATUSES } from '@giggatek/domain';
import { isMysql } from '../database.js';
import type { OrderRow } from '../rows/index.js';
import { dbOf, inTransaction } from '../unit-of-work.js';
import { listAllOrders, listOrdersForUser, loadOrder, loadOrderDetail, loadOrders } from './order-queries.js';
import { applyStatusChange, applyTrackingNumberChange, insertOrderTakingStock } from './order-writes.js';

export class SqlOrderRepository implements OrderRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  /**
   * On MySQL in READ COMMITTED (as every unit of work is, SqlUnitOfWork): the read that
   * decides (the stock) is a locking read of the latest rows anyway, and no gap locks.
   */
  async placeWithStock(order: NewOrder): Promise<Order> {
    const config: Knex.TransactionConfig | undefined = isMysql(this.knex)
      ? { isolationLevel: 'read committed' }
      : undefined;
    return inTransaction(
      this.knex,
      async (trx) => {
        const id = await insertOrderTakingStock(trx, order);
        const placed = await loadOrder(trx, id);
        if (!placed) throw new Error(`order ${id} is gone`);
        return placed;
      },
      config,
    );
  }

  findDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null> {
    return loadOrderDetail(this.db, { id });
  }

  lockDetail(id: Id): Promise<(OrderDetail & { payments: PaymentEntry[] }) | null> {
    return loadOrderDetail(this.db, { id }, { lock: true });
  }

  listForUser(userId: Id, filter: OrderListFilter): Promise<Page<Order>> {
    return listOrdersForUser(this.db, userId, filter);
  }

  listAll(filter: AdminOrderFilter): Promise<Page<Order>> {
    return listAllOrders(this.db, filter);
  }

  async changeStatus(id: Id, change: StatusChangeRequest): Promise<Order | null> {
    return inTransaction(this.knex, async (trx) => {
      const changed = await applyStatusChange(trx, id, change);
      return changed ? loadOrder(trx, id) : null;
    });
  }

  async changeTrackingNumber(id: Id, change: TrackingNumberChange): Promise<Order | null> {
    return inTransaction(this.knex, async (trx) => {
      const changed = await applyTrackingNumberChange(trx, id, change);
      return changed ? loadOrder(trx, id) : null;
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
    const candidates = await this.expiredQuery(this.db, cutoff).orderBy('id', 'asc').limit(limit).pluck('id');
    const cancelled: Id[] = [];
    for (const id of candidates) {
      const done = await inTransaction(this.knex, async (trx) => {
        const claim = this.expiredQuery(trx, cutoff).where('id', id).first('id');
        if (isMysql(trx)) claim.forUpdate().skipLocked();
        if (!(await claim)) return false;
        return applyStatusChange(trx, id, expiryCancellation(actor, now));
      });
      if (done) cancelled.push(id);
    }
    return loadOrders(this.db, cancelled);
  }

  private expiredQuery(db: Knex, cutoff: Date): Knex.QueryBuilder<OrderRow, OrderRow[]> {
    return db('orders')
      .where('status', 'pending')
      .whereIn('payment_status', UNPAID_PAYMENT_STATUSES)
      .where('created_at', '<', cutoff);
  }
}
