import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve, TOKENS } from '@giggatek/adapters';
import { DEFAULT_RENTAL_POLICY } from '@giggatek/domain';
import type { SignedIn } from './support/accounts.js';
import { detailFields, expectError } from './support/expect-error.js';
import { customerWithAddress, stockOf, type Customer } from './support/orders.js';
import { createRental, PRICE, rentableProduct, startRentalServer } from './support/rentals.js';
import { ENGINES, type TestServer } from './support/test-server.js';

/** The product's quotes and new rentals follow the stored policy, within the legal limits (SPEC §5). */
describe.each(ENGINES)('rentals: the stored rental policy (%s)', (engine) => {
  let server: TestServer;
  let staff: SignedIn;
  let customer: Customer;
  let productId: number;
  beforeAll(async () => {
    ({ server, staff } = await startRentalServer(engine));
    customer = await customerWithAddress(server);
    productId = await rentableProduct(server, staff.token);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const quotes = async () => (await server.request('GET', `/api/products/${productId}`)).body.product.rental_quotes;

  it(`quotes every offered term with total_months (and term_months), monthly_rate, total_amount (${engine})`, async () => {
    expect(await quotes()).toEqual([
      { total_months: 3, term_months: 3, monthly_rate: 3_500, total_amount: 10_500, currency: 'usd' },
      { total_months: 6, term_months: 6, monthly_rate: 1_834, total_amount: 11_004, currency: 'usd' },
      { total_months: 12, term_months: 12, monthly_rate: 959, total_amount: 11_508, currency: 'usd' },
      { total_months: 24, term_months: 24, monthly_rate: 500, total_amount: 12_000, currency: 'usd' },
    ]);
  });

  it(`a saved policy changes the quotes and the terms a rental may take (${engine})`, async () => {
    const settings = resolve(server.container, TOKENS.StoreSettings);
    await settings.set(
      'rental_policy',
      { ...DEFAULT_RENTAL_POLICY, terms: [6, 12], markupBp: { 6: 2_000, 12: 1_500 } },
      server.clock.now(),
    );
    try {
      // ceil(10 000 × 12 000 / 60 000) = 2 000.
      expect(
        (await quotes()).map((q: { total_months: number; monthly_rate: number }) => [q.total_months, q.monthly_rate]),
      ).toEqual([
        [6, 2_000],
        [12, 959],
      ]);
      const refused = await createRental(server, customer, productId, 3);
      expectError(refused, 400, 'validation_failed');
      expect(detailFields(refused)).toEqual(['total_months']);
      const created = await createRental(server, customer, productId, 6);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.rental).toMatchObject({ monthly_rate: 2_000, total_amount: 12_000, cash_price: PRICE });
    } finally {
      await settings.set('rental_policy', DEFAULT_RENTAL_POLICY, server.clock.now());
    }
  });

  it(`a stored policy outside the legal limits offers nothing: no quotes, 400 naming the setting (${engine})`, async () => {
    // Written past StoreSettings' checks, as an old row or a hand edit would be.
    await server.storage.settings.set(
      'rental_policy',
      { ...DEFAULT_RENTAL_POLICY, lateFeeBp: 600 },
      server.clock.now(),
    );
    try {
      expect(await quotes()).toEqual([]);
      const before = await stockOf(server, productId);
      const refused = await createRental(server, customer, productId, 3);
      expectError(refused, 400, 'validation_failed');
      expect(detailFields(refused)).toEqual(['rental_policy.late_fee_bp']);
      expect(await stockOf(server, productId)).toBe(before);
    } finally {
      await server.storage.settings.set('rental_policy', DEFAULT_RENTAL_POLICY, server.clock.now());
    }
  });
});
