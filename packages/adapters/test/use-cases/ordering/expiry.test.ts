import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@giggatek/domain';
import { orderInput, orderingHarness } from './harness.js';

describe('expireUnpaidOrders', () => {
  it('cancels only pending unpaid orders older than the setting, and restocks them', async () => {
    const h = orderingHarness();
    const ada = await h.person('customer', 'ada');
    const manager = (await h.person('manager', 'max')).actor;
    const gpu = await h.product({ stock: 10 });
    const place = () =>
      h.service.placeOrder(ada.actor, orderInput(ada.addressId, [{ productId: gpu.id, quantity: 1 }]));

    const old = await place();
    const oldFailed = await place();
    await h.service.updateOrder(manager, oldFailed.id, { paymentStatus: 'failed' });
    const oldPaid = await place();
    await h.service.updateOrder(manager, oldPaid.id, { paymentStatus: 'paid' });
    h.clock.advance(31 * MINUTE_MS);
    const young = await place();
    h.clock.advance(30 * MINUTE_MS); // old ones are now 61 minutes old, young is 30
    expect(await h.stockOf(gpu.id)).toBe(6);

    expect(await h.service.expireUnpaidOrders()).toBe(2);
    const status = async (id: number) => (await h.service.getOrder(manager, id)).status;
    expect([
      await status(old.id),
      await status(oldFailed.id),
      await status(oldPaid.id),
      await status(young.id),
    ]).toEqual(['cancelled', 'cancelled', 'processing', 'pending']);
    expect(await h.stockOf(gpu.id)).toBe(8);
    expect((await h.service.getOrder(manager, old.id)).statusHistory.at(-1)).toMatchObject({
      fromStatus: 'pending',
      toStatus: 'cancelled',
      actorUserId: null,
      actorLabel: 'system:order-expiry',
      createdAt: h.clock.now(),
    });
    // Running again finds nothing more: stock came back once.
    expect(await h.service.expireUnpaidOrders()).toBe(0);
    expect(await h.stockOf(gpu.id)).toBe(8);
  });

  it('reads the expiry from settings and works through more than one batch', async () => {
    const h = orderingHarness();
    const ada = await h.person();
    const gpu = await h.product({ stock: 500 });
    await h.settings.set('order_expiry_minutes', 5, h.clock.now());
    for (let i = 0; i < 205; i += 1)
      await h.service.placeOrder(ada.actor, orderInput(ada.addressId, [{ productId: gpu.id, quantity: 1 }]));
    h.clock.advance(5 * MINUTE_MS);
    expect(await h.service.expireUnpaidOrders()).toBe(0); // exactly 5 minutes old is not older than 5
    h.clock.advance(1);
    expect(await h.service.expireUnpaidOrders()).toBe(205);
    expect(await h.stockOf(gpu.id)).toBe(500);
  });
});
