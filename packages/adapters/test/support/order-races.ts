import { expect } from 'vitest';
import type { Knex } from 'knex';
import { DomainError } from '@giggatek/domain';
import type { Id, Product } from '@giggatek/domain';
import { SqlOrderRepository, SqlProductRepository, SqlUserRepository } from '../../src/sql/index.js';
import { createProduct, createTestUser, newOrder } from '../contract/suites/order-fixtures.js';

/** A customer and SQL repositories over one database, for the race tests of both engines. */
export async function raceSetup(knex: Knex) {
  const users = new SqlUserRepository(knex);
  const products = new SqlProductRepository(knex);
  const orders = new SqlOrderRepository(knex);
  const userId = await createTestUser(users);
  return { users, products, orders, userId };
}

/** Places `count` one-unit orders for `product` all at once; returns what each did. */
export async function raceForLastUnits(orders: SqlOrderRepository, userId: Id, product: Product, count: number) {
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => orders.placeWithStock(newOrder(userId, [{ product, quantity: 1 }]))),
  );
  const placed = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
  const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
  return { placed, refused };
}

/** Every refusal is insufficient_stock for that one product, with nothing left. */
export function expectSoldOut(refused: unknown[], product: Product): void {
  for (const error of refused) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'insufficient_stock',
      meta: { shortages: [{ productId: product.id, productName: product.name, requested: 1, available: 0 }] },
    });
  }
}

export async function countRows(knex: Knex, table: string, where: Record<string, unknown> = {}): Promise<number> {
  const [row] = await knex(table).where(where).count<Array<{ n: unknown }>>({ n: '*' });
  return Number(row?.n ?? 0);
}

export { createProduct };
