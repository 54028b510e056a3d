import { describe, expect, it } from 'vitest';
import { MemoryAddressRepository } from '../../../src/memory/index.js';
import { AddressService, FixedClock, MINUTE_MS } from '@giggatek/domain';
import type { Actor, AddressInput } from '@giggatek/domain';

const ada: Actor = { userId: 1, role: 'customer' };
const bob: Actor = { userId: 2, role: 'customer' };

function home(overrides: Partial<AddressInput> = {}): AddressInput {
  return {
    recipientName: 'Ada Lovelace',
    line1: '12 St James Sq',
    city: 'London',
    state: 'LDN',
    postalCode: 'SW1Y 4JH',
    ...overrides,
  };
}

function harness() {
  const clock = new FixedClock();
  const service = new AddressService({ addresses: new MemoryAddressRepository(), clock });
  return { clock, service };
}

describe('AddressService', () => {
  it('makes the first address the default and keeps one default', async () => {
    const { service, clock } = harness();
    const first = await service.create(ada, home());
    expect(first.isDefault).toBe(true);
    clock.advance(MINUTE_MS);
    const second = await service.create(ada, home({ label: 'Work' }));
    expect(second.isDefault).toBe(false);
    const third = await service.create(ada, home({ label: 'Cottage', isDefault: true }));
    expect((await service.list(ada)).map((a) => [a.id, a.isDefault])).toEqual([
      [first.id, false],
      [second.id, false],
      [third.id, true],
    ]);
  });

  it('deleting the default promotes the most recently created remaining address', async () => {
    const { service, clock } = harness();
    const first = await service.create(ada, home());
    clock.advance(MINUTE_MS);
    const second = await service.create(ada, home({ label: 'B' }));
    clock.advance(MINUTE_MS);
    await service.create(bob, home({ label: 'Bob' }));
    clock.advance(MINUTE_MS);
    const third = await service.create(ada, home({ label: 'C' }));
    await service.update(ada, second.id, { isDefault: true });
    await service.remove(ada, second.id);
    const remaining = await service.list(ada);
    expect(remaining.filter((a) => a.isDefault).map((a) => a.id)).toEqual([third.id]);
    expect(remaining.map((a) => a.id)).toEqual([first.id, third.id]);
  });

  it('update merges the given fields with the stored address, then validates', async () => {
    const { service, clock } = harness();
    const created = await service.create(ada, home({ phone: '555 0100' }));
    clock.advance(MINUTE_MS);
    const updated = await service.update(ada, created.id, { city: 'Bath', country: 'gb' });
    expect(updated).toMatchObject({
      city: 'Bath',
      country: 'GB',
      line1: created.line1,
      phone: '555 0100',
      isDefault: true,
    });
    expect(updated.updatedAt.getTime()).toBe(created.updatedAt.getTime() + MINUTE_MS);
    await expect(service.update(ada, created.id, { line1: '' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'line1' }],
    });
    await expect(service.update(ada, created.id, { phone: null })).resolves.toMatchObject({ phone: null });
  });

  it("never reveals or changes another user's address", async () => {
    const { service } = harness();
    const mine = await service.create(ada, home());
    const notFound = { code: 'not_found', message: 'address not found' };
    await expect(service.get(bob, mine.id)).rejects.toMatchObject(notFound);
    await expect(service.update(bob, mine.id, { city: 'Paris' })).rejects.toMatchObject(notFound);
    await expect(service.remove(bob, mine.id)).rejects.toMatchObject(notFound);
    expect(await service.list(bob)).toEqual([]);
    expect((await service.get(ada, mine.id)).city).toBe('London');
  });

  it('rejects an invalid new address (a rejected promise, not a synchronous throw)', async () => {
    const { service } = harness();
    await expect(service.create(ada, home({ city: ' ' }))).rejects.toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'city' }],
    });
    expect(await service.list(ada)).toEqual([]);
  });

  it('returns copies: changing a result does not change the store', async () => {
    const { service } = harness();
    const created = await service.create(ada, home());
    created.city = 'Mutated';
    expect((await service.get(ada, created.id)).city).toBe('London');
  });
});
