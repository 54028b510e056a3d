import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../src/shared/idempotency.js';
import { orderInput, orderingHarness, rejectionOf } from './harness.js';

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);

describe('orders placed with an Idempotency-Key', () => {
  it("are found by the caller's key, and only by the caller", async () => {
    const h = orderingHarness();
    const ada = await h.person('customer', 'ada');
    const bob = await h.person('customer', 'bob');
    const gpu = await h.product();
    const placed = await h.service.placeOrder(ada.actor, orderInput(ada.addressId, [{ productId: gpu.id, quantity: 1 }], { idempotencyKey: 'k-1' }));
    expect(await h.service.findOrderByIdempotencyKey(ada.actor, 'k-1')).toEqual(await h.service.getOrder(ada.actor, placed.id));
    expect(await h.service.findOrderByIdempotencyKey(bob.actor, 'k-1')).toBeNull();
    expect(await h.service.findOrderByIdempotencyKey(ada.actor, 'k-2')).toBeNull();
  });

  it('placing again with the key of a live order answers that order: nothing taken, no second confirmation', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ stock: 5 });
    const input = orderInput(addressId, [{ productId: gpu.id, quantity: 2 }], { idempotencyKey: 'retry-me', idempotencyRequestHash: hashA });
    const first = await h.service.placeOrder(actor, input);
    h.clock.advance(60_000);
    const again = await h.service.placeOrder(actor, input);
    expect(again).toEqual(first);
    expect(await h.stockOf(gpu.id)).toBe(3);
    expect((await h.service.listOrders(actor, { page: 1, perPage: 10 })).total).toBe(1);
    expect(h.notifier.sent).toHaveLength(1);
  });

  it('answers the order before validating anything: a retry after its product was archived gets the first order', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ stock: 5 });
    const input = orderInput(addressId, [{ productId: gpu.id, quantity: 5 }], { idempotencyKey: 'archived', idempotencyRequestHash: hashA });
    const first = await h.service.placeOrder(actor, input);
    await h.products.update(gpu.id, { status: 'archived' }, h.clock.now());
    h.clock.advance(60_000);
    expect(await h.service.placeOrder(actor, input)).toEqual(first);
    // Without the key the same request is refused: the product is no longer sold.
    const refused = await rejectionOf(h.service.placeOrder(actor, { ...input, idempotencyKey: undefined, idempotencyRequestHash: undefined }));
    expect(refused).toMatchObject({ code: 'validation_failed', details: [{ field: 'items[0].product_id' }] });
  });

  it('refuses the key of an order placed by another request (fingerprint): idempotency_conflict, nothing placed', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ stock: 5 });
    const first = await h.service.placeOrder(actor, orderInput(addressId, [{ productId: gpu.id, quantity: 1 }], {
      idempotencyKey: 'fingerprinted', idempotencyRequestHash: hashA,
    }));
    for (const idempotencyRequestHash of [hashB, undefined]) {
      const other = orderInput(addressId, [{ productId: gpu.id, quantity: 2 }], { idempotencyKey: 'fingerprinted', idempotencyRequestHash });
      expect(await rejectionOf(h.service.placeOrder(actor, other))).toMatchObject({ code: 'idempotency_conflict' });
    }
    expect(await rejectionOf(h.service.findOrderByIdempotencyKey(actor, 'fingerprinted', hashB))).toMatchObject({ code: 'idempotency_conflict' });
    expect((await h.service.findOrderByIdempotencyKey(actor, 'fingerprinted', hashA))?.id).toBe(first.id);
    expect(await h.stockOf(gpu.id)).toBe(4);
    expect((await h.service.listOrders(actor, { page: 1, perPage: 10 })).total).toBe(1);
  });

  it("lets the key go after the key's life (24 h): a new order, and the old one is no longer the key's", async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ stock: 5 });
    const input = orderInput(addressId, [{ productId: gpu.id, quantity: 1 }], { idempotencyKey: 'daily' });
    const first = await h.service.placeOrder(actor, input);
    h.clock.advance(IDEMPOTENCY_KEY_TTL_MS);
    expect(await h.service.findOrderByIdempotencyKey(actor, 'daily')).toBeNull();
    const second = await h.service.placeOrder(actor, input);
    expect(second.id).not.toBe(first.id);
    expect((await h.service.findOrderByIdempotencyKey(actor, 'daily'))?.id).toBe(second.id);
    expect(await h.stockOf(gpu.id)).toBe(3);
  });

  it('refuses an empty or over-long key and places nothing', async () => {
    const h = orderingHarness();
    const { actor, addressId } = await h.person();
    const gpu = await h.product({ stock: 5 });
    for (const idempotencyKey of ['', 'k'.repeat(256)]) {
      const error = await rejectionOf(h.service.placeOrder(actor, orderInput(addressId, [{ productId: gpu.id, quantity: 1 }], { idempotencyKey })));
      expect(error).toMatchObject({ code: 'validation_failed', details: [{ field: 'idempotency_key' }] });
    }
    const badHash = orderInput(addressId, [{ productId: gpu.id, quantity: 1 }], { idempotencyKey: 'k', idempotencyRequestHash: 'not-a-hash' });
    expect(await rejectionOf(h.service.placeOrder(actor, badHash))).toMatchObject({ details: [{ field: 'idempotency_request_hash' }] });
    expect(await h.stockOf(gpu.id)).toBe(5);
  });
});
