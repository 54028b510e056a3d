import { describe, expect, it } from 'vitest';
import { cents, DEFAULT_PRICING } from '@giggatek/domain';
import type { PlaceOrderInput } from '@giggatek/domain';
import { orderInput, orderingHarness, rejectionOf } from './harness.js';

describe('placeOrder', () => {
  it('prices on the server, copies unit prices and takes stock', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ name: 'RTX 3080', price: cents(20_000), stock: 5 });
    // A client-sent price is not part of the input type; even smuggled in, it is never read.
    const input = {
      ...orderInput(addressId, [{ productId: gpu.id, quantity: 2 }]),
      total: 1,
      items: [{ productId: gpu.id, quantity: 2, unitPrice: 1 }],
    };
    const order = await h.service.placeOrder(actor, input);
    expect(order).toMatchObject({
      userId: actor.userId,
      status: 'pending',
      paymentStatus: 'pending',
      currency: 'usd',
      shippingMethod: 'standard',
      subtotal: 40_000,
      shipping: 999,
      tax: 3_300,
      total: 44_299,
      notes: null,
      items: [{ productId: gpu.id, productName: 'RTX 3080', quantity: 2, unitPrice: 20_000, lineTotal: 40_000 }],
      statusHistory: [{ fromStatus: null, toStatus: 'pending', actorUserId: actor.userId, actorLabel: 'customer' }],
      payments: [],
    });
    expect(await h.stockOf(gpu.id)).toBe(3);

    // A later price change does not touch the order.
    await h.products.update(gpu.id, { price: cents(99_999) }, h.clock.now());
    expect((await h.service.getOrder(actor, order.id)).items[0]?.unitPrice).toBe(20_000);
  });

  it('takes its rates from the stored settings', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ price: cents(10_000) });
    await h.settings.set(
      'pricing',
      {
        ...DEFAULT_PRICING,
        taxBp: 1_000,
        shippingRates: { ...DEFAULT_PRICING.shippingRates, overnight: cents(5_000) },
      },
      h.clock.now(),
    );
    const order = await h.service.placeOrder(
      actor,
      orderInput(addressId, [{ productId: gpu.id, quantity: 1 }], { shippingMethod: 'overnight' }),
    );
    expect(order).toMatchObject({ subtotal: 10_000, shipping: 5_000, tax: 1_000, total: 16_000 });
  });

  it('snapshots both addresses; billing defaults to shipping; later edits change nothing', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const billing = await h.addresses.create(
      actor.userId,
      {
        label: 'work',
        recipientName: 'Ada Billing',
        line1: '9 Office Rd',
        line2: 'Floor 2',
        city: 'Dallas',
        state: 'TX',
        postalCode: '75201',
        country: 'US',
        phone: '+1 555 0100',
        isDefault: false,
      },
      h.clock.now(),
    );
    const gpu = await h.product();
    const plain = await h.service.placeOrder(actor, orderInput(addressId, [{ productId: gpu.id, quantity: 1 }]));
    expect(plain.billingAddress).toEqual(plain.shippingAddress);
    const split = await h.service.placeOrder(
      actor,
      orderInput(addressId, [{ productId: gpu.id, quantity: 1 }], {
        billingAddressId: billing.id,
        notes: '  leave at door  ',
      }),
    );
    expect(split.shippingAddress).toEqual({
      recipientName: 'ada Test',
      line1: '1 Main St',
      line2: null,
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
      country: 'US',
      phone: null,
    });
    expect(split.billingAddress).toMatchObject({
      recipientName: 'Ada Billing',
      line2: 'Floor 2',
      phone: '+1 555 0100',
    });
    expect(split.notes).toBe('leave at door');

    const current = await h.addresses.findForUser(actor.userId, addressId);
    await h.addresses.update(
      actor.userId,
      addressId,
      { ...current!, line1: '2 Moved Ave', city: 'Houston' },
      h.clock.now(),
    );
    expect((await h.service.getOrder(actor, split.id)).shippingAddress).toMatchObject({
      line1: '1 Main St',
      city: 'Austin',
    });
  });

  it("refuses someone else's address as not found", async () => {
    const h = orderingHarness();
    const ada = await h.person('customer', 'ada');
    const bob = await h.person('customer', 'bob');
    const gpu = await h.product();
    const items = [{ productId: gpu.id, quantity: 1 }];
    await expect(h.service.placeOrder(ada.actor, orderInput(bob.addressId, items))).rejects.toMatchObject({
      code: 'not_found',
      message: 'shipping address not found',
    });
    await expect(
      h.service.placeOrder(ada.actor, orderInput(ada.addressId, items, { billingAddressId: bob.addressId })),
    ).rejects.toMatchObject({ code: 'not_found', message: 'billing address not found' });
    expect(await h.stockOf(gpu.id)).toBe(10);
  });

  it('names each bad field and takes nothing', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product();
    const fieldsOf = async (input: Partial<PlaceOrderInput>) =>
      (
        await rejectionOf(
          h.service.placeOrder(actor, { ...orderInput(addressId, [{ productId: gpu.id, quantity: 1 }]), ...input }),
        )
      ).details?.map((d) => d.field);

    expect(await fieldsOf({ items: [] })).toEqual(['items']);
    expect(
      await fieldsOf({ items: Array.from({ length: 51 }, (_, i) => ({ productId: i + 1, quantity: 1 })) }),
    ).toEqual(['items']);
    expect(await fieldsOf({ items: [{ productId: gpu.id, quantity: 0 }] })).toEqual(['items[0].quantity']);
    expect(
      await fieldsOf({
        items: [
          { productId: 50, quantity: 1 },
          { productId: gpu.id, quantity: 100 },
        ],
      }),
    ).toEqual(['items[1].quantity']);
    expect(await fieldsOf({ items: [{ productId: gpu.id, quantity: 1.5 }] })).toEqual(['items[0].quantity']);
    expect(
      await fieldsOf({
        items: [
          { productId: gpu.id, quantity: 1 },
          { productId: gpu.id, quantity: 2 },
        ],
      }),
    ).toEqual(['items[1].productId']);
    expect(await fieldsOf({ shippingMethod: 'teleport' as never })).toEqual(['shippingMethod']);
    expect(await fieldsOf({ notes: 'x'.repeat(1001) })).toEqual(['notes']);
    expect(await h.stockOf(gpu.id)).toBe(10);
    // Notes are measured after trimming: 1000 characters plus spaces is accepted.
    const accepted = await h.service.placeOrder(
      actor,
      orderInput(addressId, [{ productId: gpu.id, quantity: 1 }], { notes: ` ${'x'.repeat(1000)} ` }),
    );
    expect(accepted.notes).toHaveLength(1000);
  });

  it('refuses unknown and archived products on the line that names them', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const live = await h.product();
    const old = await h.product({ status: 'archived' });
    const error = await rejectionOf(
      h.service.placeOrder(
        actor,
        orderInput(addressId, [
          { productId: live.id, quantity: 1 },
          { productId: 999, quantity: 1 },
          { productId: old.id, quantity: 1 },
        ]),
      ),
    );
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect(error.details).toEqual([
      { field: 'items[1].productId', message: 'product 999 does not exist' },
      { field: 'items[2].productId', message: `product ${old.id} is no longer sold` },
    ]);
    expect(await h.stockOf(live.id)).toBe(10);
  });

  it('names each short product with what is left, and takes nothing', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const plenty = await h.product({ name: 'Plenty', stock: 10 });
    const few = await h.product({ name: 'Few', stock: 2 });
    const none = await h.product({ name: 'None', stock: 0 });
    const error = await rejectionOf(
      h.service.placeOrder(
        actor,
        orderInput(addressId, [
          { productId: plenty.id, quantity: 5 },
          { productId: few.id, quantity: 3 },
          { productId: none.id, quantity: 1 },
        ]),
      ),
    );
    expect(error.code).toBe('insufficient_stock');
    expect(error.message).toMatch(/Few \(2 available.*None \(0 available/);
    expect(error.meta?.shortages).toEqual([
      { productId: few.id, productName: 'Few', requested: 3, available: 2 },
      { productId: none.id, productName: 'None', requested: 1, available: 0 },
    ]);
    expect([await h.stockOf(plenty.id), await h.stockOf(few.id), await h.stockOf(none.id)]).toEqual([10, 2, 0]);
    expect((await h.orders.listForUser(actor.userId, { page: 1, perPage: 20 })).total).toBe(0);
  });

  // The memory unit of work runs one at a time: no race, the outcome only (races: MySQL suites).
  it('sells the last units to exactly as many orders sent at once as there is stock (memory serialises)', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ stock: 5 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        h.service.placeOrder(actor, orderInput(addressId, [{ productId: gpu.id, quantity: 1 }])),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(
      results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'insufficient_stock'),
    ).toHaveLength(15);
    expect(await h.stockOf(gpu.id)).toBe(0);
  });

  it('sends a confirmation, and a failing notifier does not fail the order', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ name: 'RTX 3080' });
    const order = await h.service.placeOrder(actor, orderInput(addressId, [{ productId: gpu.id, quantity: 1 }]));
    expect(h.notifier.sent).toEqual([
      expect.objectContaining({
        template: 'order_confirmation',
        to: 'ada@example.com',
        data: expect.objectContaining({
          order_id: order.id,
          total: order.total,
          items: [expect.objectContaining({ product_name: 'RTX 3080' })],
        }),
      }),
    ]);

    const broken = orderingHarness({ notifier: { notify: () => Promise.reject(new Error('smtp down')) } });
    const who = await broken.person();
    const item = await broken.product();
    await expect(
      broken.service.placeOrder(who.actor, orderInput(who.addressId, [{ productId: item.id, quantity: 1 }])),
    ).resolves.toMatchObject({ status: 'pending' });
    expect(await broken.stockOf(item.id)).toBe(9);
  });
});
