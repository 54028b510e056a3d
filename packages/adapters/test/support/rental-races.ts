import type { Knex } from 'knex';
import { cents, FixedClock, RentingService, StoreSettings } from '@giggatek/domain';
import type { Actor, Id, Product } from '@giggatek/domain';
import { createSqlStorage } from '../../src/sql/index.js';
import { OfflinePaymentGateway } from '../../src/stripe/index.js';
import { createTestUser } from '../contract/suites/fixture.js';
import { productData } from '../contract/suites/product-fixtures.js';

/**
 * A RentingService over the SQL storage of one database, as the container builds it, with
 * the offline gateway and a fixed clock; `customer` and `rentableProduct` make what a
 * rental needs.
 */
export function rentingOverSql(knex: Knex, databaseUrl: string) {
  const storage = createSqlStorage(knex, databaseUrl);
  const clock = new FixedClock('2026-03-02T10:00:00.000Z');
  const gateway = new OfflinePaymentGateway();
  const service = new RentingService({
    rentals: storage.rentals,
    products: storage.products,
    addresses: storage.addresses,
    users: storage.users,
    settings: new StoreSettings(storage.settings),
    gateway,
    unitOfWork: storage.unitOfWork,
    clock,
  });

  /** A customer with one address. */
  const customer = async (): Promise<{ actor: Actor; addressId: Id }> => {
    const userId = await createTestUser(storage.users, clock.now());
    const address = await storage.addresses.create(
      userId,
      {
        label: null,
        recipientName: 'Ada Lovelace',
        line1: '1 Main St',
        line2: null,
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
        country: 'US',
        phone: null,
        isDefault: true,
      },
      clock.now(),
    );
    return { actor: { userId, role: 'customer' }, addressId: address.id };
  };

  const rentableProduct = (stock: number): Promise<Product> =>
    storage.products.create(productData({ price: cents(60_000), rentalRates: {}, rentable: true, stock }), clock.now());

  /** A 12-month rental of a new product, signed today: installment 1 is due today. */
  const signedRental = async (who: { actor: Actor; addressId: Id }): Promise<Id> => {
    const product = await rentableProduct(1);
    const created = await service.createRental(who.actor, {
      productId: product.id,
      totalMonths: 12,
      addressId: who.addressId,
    });
    await service.signContract(who.actor, created.rental.id, { signature: 'Ada Lovelace', ip: '203.0.113.9' });
    return created.rental.id;
  };

  return { storage, clock, gateway, service, customer, rentableProduct, signedRental };
}

/** What each of a batch of calls did: its value, or the error code it was refused with. */
export async function outcomesOf<T>(calls: Array<Promise<T>>): Promise<Array<{ value: T } | { code: string }>> {
  const settled = await Promise.allSettled(calls);
  return settled.map((result) => {
    if (result.status === 'fulfilled') return { value: result.value };
    const code = (result.reason as { code?: unknown }).code;
    if (typeof code !== 'string') throw result.reason;
    return { code };
  });
}
