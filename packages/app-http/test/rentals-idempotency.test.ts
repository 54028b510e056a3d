import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from './support/accounts.js';
import { expectError } from './support/expect-error.js';
import { customerWithAddress, stockOf, type Customer } from './support/orders.js';
import {
  activeRental,
  createRental,
  DECLINED,
  PAID,
  pay,
  PRICE,
  rentableProduct,
  startRentalServer,
  storedRental,
} from './support/rentals.js';
import { ENGINES, type TestServer } from './support/test-server.js';

/** POST /rentals, make-payment and process-buyout are safe to retry with an Idempotency-Key. */
describe.each(ENGINES)('rentals: Idempotency-Key (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let customer: Customer;
  beforeAll(async () => {
    ({ server, staff } = await startRentalServer(engine));
    customer = await customerWithAddress(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const withKey = (key: string) => ({ 'Idempotency-Key': key });
  const rentalCount = async () =>
    (await server.storage.rentals.listForUser(customer.userId, { page: 1, perPage: 1 })).total;

  it(`a retried POST /rentals answers the first rental and takes no second unit (${engine})`, async () => {
    const productId = await rentableProduct(server, staff.token, { stock: 3 });
    const countBefore = await rentalCount();
    const first = await createRental(server, customer, productId, 3, withKey('rent-1'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await createRental(server, customer, productId, 3, withKey('rent-1'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await stockOf(server, productId)).toBe(2);
    expect(await rentalCount()).toBe(countBefore + 1);

    expectError(await createRental(server, customer, productId, 6, withKey('rent-1')), 409, 'idempotency_conflict');
    expect(await stockOf(server, productId)).toBe(2);
  });

  it(`a retried make-payment answers the first payment and charges once (${engine})`, async () => {
    const rental = await activeRental(server, customer, await rentableProduct(server, staff.token));
    const first = await pay(server, customer, rental.id, PAID, withKey('pay-1'));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await pay(server, customer, rental.id, PAID, withKey('pay-1'));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const stored = await storedRental(server, rental.id);
    expect(stored.payments.map((p) => [p.installmentNo, p.status])).toEqual([[1, 'succeeded']]);
    expect(stored.installmentsPaid).toBe(1);
  });

  it(`a declined make-payment's 402 is replayed, its one failed row kept; a new key tries again (${engine})`, async () => {
    const rental = await activeRental(server, customer, await rentableProduct(server, staff.token));
    const declined = await pay(server, customer, rental.id, DECLINED, withKey('pay-declined'));
    expectError(declined, 402, 'payment_failed');
    const again = await pay(server, customer, rental.id, DECLINED, withKey('pay-declined'));
    expect(again.status).toBe(402);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(declined.body);
    const afterDecline = await storedRental(server, rental.id);
    expect(afterDecline.payments.map((p) => [p.installmentNo, p.status])).toEqual([[1, 'failed']]);
    expect(afterDecline.payments[0]?.id).toBe(declined.body.payment_id);

    const paid = await pay(server, customer, rental.id, PAID, withKey('pay-declined-2'));
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect((await storedRental(server, rental.id)).payments.map((p) => p.status)).toEqual(['failed', 'succeeded']);
  });

  it(`a retried process-buyout answers the first buyout and charges once (${engine})`, async () => {
    const rental = await activeRental(server, customer, await rentableProduct(server, staff.token));
    const body = { ...PAID, amount: PRICE };
    const send = () =>
      server.request('POST', `/api/rentals/${rental.id}/process-buyout`, {
        token: customer.token,
        body,
        headers: withKey('buyout-1'),
      });
    const first = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const stored = await storedRental(server, rental.id);
    expect(stored.payments.map((p) => [p.kind, p.amount])).toEqual([['buyout', PRICE]]);
    expect(stored.status).toBe('completed');
  });
});
