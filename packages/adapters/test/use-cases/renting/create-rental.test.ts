import { describe, expect, it } from 'vitest';
import { cents, DEFAULT_RENTAL_POLICY } from '@giggatek/domain';
import { rejectionOf } from '../ordering/harness.js';
import { PRICE, RATE_12, rentingHarness } from './harness.js';

describe('createRental', () => {
  it('creates a pending rental, takes one unit with a rental_out movement and copies the contract figures', async () => {
    const h = rentingHarness();
    const { actor, addressId } = await h.person();
    const laptop = await h.product({ name: 'ThinkPad T14', condition: 'Good', stock: 2 });

    const { rental, account } = await h.service.createRental(actor, {
      productId: laptop.id,
      totalMonths: 12,
      addressId,
    });

    expect(rental).toMatchObject({
      status: 'pending',
      userId: actor.userId,
      productId: laptop.id,
      productName: 'ThinkPad T14',
      productCondition: 'Good',
      currency: 'usd',
      // ceil(120 000 × 11 500 / (10 000 × 12)) = 11 500; its late fee min(ceil(5% of it), $5) = $5.
      cashPrice: PRICE,
      totalMonths: 12,
      monthlyRate: RATE_12,
      totalAmount: 138_000,
      graceDays: 7,
      lateFeeBp: 500,
      lateFeeCap: 500,
      lateFee: 500,
      sameAsCashDays: 90,
      defaultAfterDays: 30,
      startDate: null,
      endDate: null,
      contractSignedAt: null,
      installmentsPaid: 0,
      deliveryAddress: { recipientName: 'customer1 Test', line1: '1 Main St', city: 'Austin' },
      statusHistory: [{ fromStatus: null, toStatus: 'pending', actorUserId: actor.userId, actorLabel: 'customer' }],
      payments: [],
    });
    expect(account).toMatchObject({ paymentsMade: 0, remainingPayments: 12, remainingBalance: 138_000 });
    expect(await h.stockOf(laptop.id)).toBe(1);
    expect(await h.movementsOf(laptop.id)).toMatchObject([
      { delta: -1, reason: 'rental_out', rentalId: rental.id, orderId: null, actorUserId: actor.userId },
    ]);
  });

  it('keeps the figures of the contract when the policy, the price or the address change later', async () => {
    const h = rentingHarness();
    const { actor, rental, product, addressId } = await h.pendingRental();
    await h.settings.set(
      'rental_policy',
      { ...DEFAULT_RENTAL_POLICY, graceDays: 10, markupBp: { ...DEFAULT_RENTAL_POLICY.markupBp, 12: 1000 } },
      h.clock.now(),
    );
    await h.products.update(product.id, { price: cents(200_000), name: 'Renamed' }, h.clock.now());
    const address = await h.addresses.findForUser(actor.userId, addressId);
    if (!address) throw new Error('the address is gone');
    await h.addresses.update(actor.userId, addressId, { ...address, line1: '99 Other Rd' }, h.clock.now());

    const { rental: later } = await h.service.getRental(actor, rental.id);
    expect(later).toMatchObject({
      cashPrice: PRICE,
      monthlyRate: RATE_12,
      graceDays: 7,
      productName: rental.productName,
      deliveryAddress: { line1: '1 Main St' },
    });
  });

  it("takes a product's rate override for the term", async () => {
    const h = rentingHarness();
    const { rental } = await h.pendingRental(12, { rentalRates: { 12: cents(12_000) } });
    expect(rental).toMatchObject({ monthlyRate: 12_000, totalAmount: 144_000, lateFee: 500 });
  });

  it('refuses a term the policy does not offer with a 400 naming totalMonths, and takes nothing', async () => {
    const h = rentingHarness();
    const { actor, addressId } = await h.person();
    const laptop = await h.product();
    const error = await rejectionOf(h.service.createRental(actor, { productId: laptop.id, totalMonths: 9, addressId }));
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ field: 'totalMonths' }] });
    expect(error.details?.[0]?.message).toMatch(/3, 6, 12, 24/);
    expect(await h.stockOf(laptop.id)).toBe(3);
  });

  it('refuses an archived product and one not rentable with a 409', async () => {
    const h = rentingHarness();
    const { actor, addressId } = await h.person();
    for (const fields of [{ status: 'archived' as const }, { rentable: false }]) {
      const laptop = await h.product(fields);
      const error = await rejectionOf(
        h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId }),
      );
      expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/not available for rent/) });
      expect(await h.stockOf(laptop.id)).toBe(3);
    }
    expect(
      await rejectionOf(h.service.createRental(actor, { productId: 999, totalMonths: 12, addressId })),
    ).toMatchObject({ code: 'not_found' });
  });

  it('refuses a product out of stock with insufficient_stock and writes nothing', async () => {
    const h = rentingHarness();
    const { actor, addressId } = await h.person();
    const laptop = await h.product({ stock: 1 });
    await h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId });
    const error = await rejectionOf(
      h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId }),
    );
    expect(error).toMatchObject({
      code: 'insufficient_stock',
      meta: { shortages: [{ productId: laptop.id, requested: 1, available: 0 }] },
    });
    expect(await h.stockOf(laptop.id)).toBe(0);
    expect((await h.service.listRentals(actor, { page: 1, perPage: 10 })).total).toBe(1);
  });

  it("refuses another user's address with a 404", async () => {
    const h = rentingHarness();
    const { actor } = await h.person();
    const other = await h.person();
    const laptop = await h.product();
    const error = await rejectionOf(
      h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId: other.addressId }),
    );
    expect(error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/address/) });
    expect(await h.stockOf(laptop.id)).toBe(3);
  });

  it('refuses every rental while the stored policy is outside the limits, naming the setting', async () => {
    const h = rentingHarness();
    const { actor, addressId } = await h.person();
    const laptop = await h.product();
    // Stored around StoreSettings.set (which refuses it), as an older release or a hand edit would.
    await h.settingsRepository.set('rental_policy', { ...DEFAULT_RENTAL_POLICY, lateFeeBp: 900 }, h.clock.now());
    const error = await rejectionOf(
      h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId }),
    );
    expect(error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'rental_policy.lateFeeBp' }],
      message: expect.stringContaining('rental_policy.lateFeeBp'),
    });
    expect(await h.stockOf(laptop.id)).toBe(3);
    expect(await h.service.quotesFor(laptop)).toEqual([]);

    await h.settingsRepository.set('rental_policy', { ...DEFAULT_RENTAL_POLICY, maxTotalBp: 30_000 }, h.clock.now());
    expect(
      await rejectionOf(h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId })),
    ).toMatchObject({ details: [{ field: 'rental_policy.maxTotalBp' }] });

    await h.settingsRepository.set('rental_policy', DEFAULT_RENTAL_POLICY, h.clock.now());
    const { rental } = await h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId });
    expect(rental.status).toBe('pending');
  });

  it("refuses a term whose total would break the policy's cap for this product", async () => {
    const h = rentingHarness();
    await h.settings.set('rental_policy', { ...DEFAULT_RENTAL_POLICY, maxTotalBp: 12_000 }, h.clock.now());
    const { actor, addressId } = await h.person();
    // 12 months at $130 = $1,560 > 120% of $1,200.
    const laptop = await h.product({ rentalRates: { 12: cents(13_000) } });
    const error = await rejectionOf(
      h.service.createRental(actor, { productId: laptop.id, totalMonths: 12, addressId }),
    );
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ field: 'totalMonths' }] });
    expect(error.details?.[0]?.message).toMatch(/exceed 120% of the cash price/);
  });
});
