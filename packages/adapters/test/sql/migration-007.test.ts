import { afterEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { createDatabase, MIGRATIONS } from '../../src/sql/index.js';
import { createFreshMysqlDatabase, type FreshMysqlDatabase } from '../support/mysql.js';

const engines = process.env.MYSQL_URL ? (['sqlite', 'mysql'] as const) : (['sqlite'] as const);

const at = new Date('2026-01-01T00:00:00.000Z');

/** 007 adds rentals, their history and payments.late_fee to a shop that already has orders and a ledger. */
describe.each(engines)('migration 007-rentals (%s)', (engine) => {
  let knex: Knex;
  let mysql: FreshMysqlDatabase | undefined;
  afterEach(async () => {
    if (mysql) await mysql.drop();
    else await knex.destroy();
    mysql = undefined;
  });

  const migration007 = () => {
    const found = MIGRATIONS.find((m) => m.name === '007-rentals');
    if (!found) throw new Error('007 is missing');
    return found.module;
  };

  /** A database migrated up to 006, the way an existing shop's is. */
  const openAt006 = async (): Promise<Knex> => {
    if (engine === 'sqlite') {
      knex = createDatabase('sqlite::memory:');
      for (const migration of MIGRATIONS.slice(0, 6)) await migration.module.up(knex);
      return knex;
    }
    // createFreshMysqlDatabase migrates to the latest: take 007 back down first.
    mysql = await createFreshMysqlDatabase(process.env.MYSQL_URL as string);
    knex = mysql.knex;
    await migration007().down(knex);
    return knex;
  };

  /** A customer, a product and a paid order with its ledger rows, written as 006 knew them. */
  const seedShop = async (db: Knex) => {
    const [userId] = await db('users').insert({
      email: 'ada@example.com',
      password_hash: 'hash',
      first_name: 'Ada',
      last_name: 'Lovelace',
      role: 'customer',
      created_at: at,
      updated_at: at,
    });
    const [productId] = await db('products').insert({
      name: 'RTX 3080',
      slug: 'rtx-3080',
      description: '',
      category: 'GPUs',
      brand: 'NVIDIA',
      condition: 'Good',
      specifications: '{}',
      image_urls: '[]',
      price: 60_000,
      rental_rates: '{}',
      rentable: true,
      stock: 4,
      is_featured: false,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    const address = Object.entries(ADDRESS);
    const [orderId] = await db('orders').insert({
      user_id: userId,
      status: 'processing',
      payment_status: 'paid',
      currency: 'usd',
      subtotal: 60_000,
      shipping: 0,
      tax: 0,
      total: 60_000,
      shipping_method: 'standard',
      created_at: at,
      updated_at: at,
      ...Object.fromEntries(address.flatMap(([k, v]) => [[`shipping_${k}`, v] as const, [`billing_${k}`, v] as const])),
    });
    await db('stock_movements').insert([
      { product_id: productId, delta: 5, reason: 'adjustment', actor_label: 'admin', created_at: at },
      { product_id: productId, delta: -1, reason: 'order', order_id: orderId, actor_label: 'customer', created_at: at },
    ]);
    await db('payments').insert({
      user_id: userId,
      order_id: orderId,
      kind: 'order',
      amount: 60_000,
      currency: 'usd',
      status: 'succeeded',
      gateway: 'offline',
      gateway_ref: 'pi_order_1',
      created_at: at,
      updated_at: at,
    });
    return { userId: Number(userId), productId: Number(productId) };
  };

  let gatewayRefs = 0;

  /** A rental with its history, a paid installment and its rental_out movement, as the repository writes them. */
  const seedRental = async (db: Knex, shop: { userId: number; productId: number }, status = 'active') => {
    const [rentalId] = await db('rentals').insert({
      ...rentalRow(shop),
      status,
      ...delivery(),
    });
    await db('rental_status_history').insert({
      rental_id: rentalId,
      to_status: 'pending',
      actor_user_id: shop.userId,
      actor_label: 'customer',
      created_at: at,
    });
    await db('payments').insert({
      user_id: shop.userId,
      rental_id: rentalId,
      installment_no: 1,
      kind: 'installment',
      amount: 5750,
      late_fee: 0,
      currency: 'usd',
      status: 'succeeded',
      gateway: 'offline',
      gateway_ref: `pi_rental_${(gatewayRefs += 1)}`,
      created_at: at,
      updated_at: at,
    });
    await db('stock_movements').insert({
      product_id: shop.productId,
      delta: -1,
      reason: 'rental_out',
      rental_id: rentalId,
      actor_label: 'customer',
      created_at: at,
    });
    return Number(rentalId);
  };

  const stockSums = async (db: Knex) => {
    const [row] = await db('stock_movements').sum({ total: 'delta' });
    return Number(row?.total ?? 0);
  };

  it('gives existing ledger rows a zero late fee and takes rentals with their checks', async () => {
    const db = await openAt006();
    const shop = await seedShop(db);
    await migration007().up(db);

    expect(
      (await db('payments').select('gateway_ref', 'late_fee')).map((r) => [r.gateway_ref, Number(r.late_fee)]),
    ).toEqual([['pi_order_1', 0]]);
    const rentalId = await seedRental(db, shop);
    const rental = await db('rentals')
      .where({ id: rentalId })
      .first('start_date', 'next_due_date', 'installments_paid');
    expect(rental).toEqual({ start_date: '2026-01-31', next_due_date: '2026-02-28', installments_paid: 1 });
    expect(await db('rental_status_history').where({ rental_id: rentalId }).count({ n: '*' })).toEqual([{ n: 1 }]);

    await expect(db('rentals').insert({ ...rentalRow(shop), status: 'lost', ...delivery() })).rejects.toThrow(
      /rentals_status_known/i,
    );
    await expect(
      db('rentals').insert({ ...rentalRow(shop), status: 'active', installments_paid: 13, ...delivery() }),
    ).rejects.toThrow(/rentals_paid_in_range/i);
    if (engine === 'mysql') {
      // SQLite cannot add these foreign keys to its existing tables (see 007).
      await expect(
        db('payments').insert({ ...orphanPayment(shop.userId), rental_id: rentalId + 1000 }),
      ).rejects.toThrow(/payments_rental_id_foreign/i);
    }
  });

  it('goes down with rentals in it, keeping the order data and the stock sum, and up again', async () => {
    const db = await openAt006();
    const shop = await seedShop(db);
    await migration007().up(db);
    await seedRental(db, shop);
    await seedRental(db, shop, 'returned');
    const sumBefore = await stockSums(db);

    await migration007().down(db);
    expect(await db.schema.hasTable('rentals')).toBe(false);
    expect(await db.schema.hasTable('rental_status_history')).toBe(false);
    expect(await db.schema.hasColumn('payments', 'late_fee')).toBe(false);
    expect(await db('payments').where({ kind: 'order' }).count({ n: '*' })).toEqual([{ n: 1 }]);
    // The rentals' ledger rows stay, without the id of a rental that is gone.
    expect(await db('payments').where({ kind: 'installment' }).pluck('rental_id')).toEqual([null, null]);
    expect(await db('stock_movements').where({ reason: 'rental_out' }).pluck('rental_id')).toEqual([null, null]);
    expect(await stockSums(db)).toBe(sumBefore);

    await migration007().up(db);
    expect(await db.schema.hasColumn('payments', 'late_fee')).toBe(true);
    expect(await db('rentals').count({ n: '*' })).toEqual([{ n: 0 }]);
    const again = await seedRental(db, shop);
    expect(await db('rentals').where({ id: again }).first('status')).toEqual({ status: 'active' });
    expect(await db('payments').where({ rental_id: again }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});

const ADDRESS = {
  recipient_name: 'Ada Lovelace',
  line1: '1 Main St',
  city: 'Austin',
  state: 'TX',
  postal_code: '78701',
  country: 'US',
};

function delivery() {
  return Object.fromEntries(Object.entries(ADDRESS).map(([k, v]) => [`delivery_${k}`, v]));
}

function rentalRow(shop: { userId: number; productId: number }) {
  return {
    user_id: shop.userId,
    product_id: shop.productId,
    product_name: 'RTX 3080',
    product_condition: 'Good',
    currency: 'usd',
    cash_price: 60_000,
    total_months: 12,
    monthly_rate: 5750,
    total_amount: 69_000,
    grace_days: 7,
    late_fee_bp: 500,
    late_fee_cap: 500,
    late_fee: 288,
    same_as_cash_days: 90,
    default_after_days: 30,
    start_date: '2026-01-31',
    end_date: '2026-12-31',
    installments_paid: 1,
    next_due_date: '2026-02-28',
    created_at: at,
    updated_at: at,
  };
}

function orphanPayment(userId: number) {
  return {
    user_id: userId,
    kind: 'installment',
    amount: 1,
    currency: 'usd',
    status: 'failed',
    gateway: 'offline',
    created_at: at,
    updated_at: at,
  };
}
