import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Address, AddressData, AddressRepository, Id } from '@giggatek/domain';
import type { ContractFixture, MakeFixture } from './fixture.js';
import { concurrently, createTestUser } from './fixture.js';

const t0 = new Date('2026-01-15T12:00:00.123Z');
const at = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);

function addressData(overrides: Partial<AddressData> = {}): AddressData {
  return {
    label: 'Home',
    recipientName: 'Ada Lovelace',
    line1: '12 St James Square',
    line2: 'Flat 3',
    city: 'Austin',
    state: 'TX',
    postalCode: '78701',
    country: 'US',
    phone: '+1 555 0101',
    isDefault: false,
    ...overrides,
  };
}

function defaults(addresses: Address[]): Id[] {
  return addresses.filter((a) => a.isDefault).map((a) => a.id);
}

export function describeAddressRepositoryContract(name: string, makeRepo: MakeFixture<AddressRepository>): void {
  describe(`AddressRepository contract (${name})`, () => {
    let fixture: ContractFixture<AddressRepository>;
    let addresses: AddressRepository;
    let userId: Id;
    let otherUserId: Id;
    beforeEach(async () => {
      fixture = await makeRepo();
      addresses = fixture.repo;
      userId = await createTestUser(fixture.users);
      otherUserId = await createTestUser(fixture.users);
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it("makes a user's first address the default and reads every field back", async () => {
      const first = await addresses.create(userId, addressData({ isDefault: false }), t0);
      expect(first).toEqual({
        ...addressData(),
        id: first.id,
        userId,
        isDefault: true,
        createdAt: t0,
        updatedAt: t0,
      });
      expect(await addresses.findForUser(userId, first.id)).toEqual(first);
    });

    it('keeps empty optional fields as null', async () => {
      const created = await addresses.create(
        userId,
        addressData({ label: null, line2: null, phone: null, country: 'CA' }),
        t0,
      );
      expect(await addresses.findForUser(userId, created.id)).toMatchObject({
        label: null,
        line2: null,
        phone: null,
        country: 'CA',
      });
    });

    it('adds non-default addresses, and a new default takes the flag from the old one', async () => {
      const first = await addresses.create(userId, addressData(), at(0));
      const second = await addresses.create(userId, addressData({ label: 'Work' }), at(1));
      expect(second.isDefault).toBe(false);
      expect(defaults(await addresses.listForUser(userId))).toEqual([first.id]);

      const third = await addresses.create(userId, addressData({ label: 'Cabin', isDefault: true }), at(2));
      expect(third.isDefault).toBe(true);
      expect(defaults(await addresses.listForUser(userId))).toEqual([third.id]);
    });

    it('makes exactly one default when a new user adds several addresses at once', async () => {
      await concurrently(3, (i) => addresses.create(userId, addressData({ label: `Concurrent ${i}` }), at(i)));
      const list = await addresses.listForUser(userId);
      expect(list).toHaveLength(3);
      expect(defaults(list)).toHaveLength(1);
    });

    it('lets many different users add their first address at the same moment', async () => {
      const users = [
        userId,
        otherUserId,
        ...(await Promise.all([1, 2, 3, 4, 5, 6].map(() => createTestUser(fixture.users)))),
      ];
      const created = await concurrently(users.length, (i) =>
        addresses.create(users[i] as Id, addressData({ label: `First ${i}` }), at(i)),
      );
      expect(created.every((address) => address.isDefault)).toBe(true);
      for (const user of users) expect(defaults(await addresses.listForUser(user))).toHaveLength(1);
    });

    it("lists only the user's addresses, in creation order", async () => {
      const a = await addresses.create(userId, addressData({ label: 'A' }), at(0));
      await addresses.create(otherUserId, addressData({ label: 'Foreign' }), at(1));
      const b = await addresses.create(userId, addressData({ label: 'B' }), at(2));
      expect((await addresses.listForUser(userId)).map((x) => x.id)).toEqual([a.id, b.id]);
      expect((await addresses.listForUser(otherUserId)).map((x) => x.label)).toEqual(['Foreign']);
      // Each user has their own default.
      expect(defaults(await addresses.listForUser(otherUserId))).toHaveLength(1);
    });

    it('updates every field, and setting the default clears the others', async () => {
      const first = await addresses.create(userId, addressData(), at(0));
      const second = await addresses.create(userId, addressData({ label: 'Work' }), at(1));
      const changed = addressData({
        label: null,
        recipientName: 'Charles Babbage',
        line1: '1 Dorset St',
        line2: null,
        city: 'Boston',
        state: 'MA',
        postalCode: '02101',
        country: 'GB',
        phone: null,
        isDefault: true,
      });
      const updated = await addresses.update(userId, second.id, changed, at(5));
      expect(updated).toEqual({ ...changed, id: second.id, userId, createdAt: at(1), updatedAt: at(5) });
      expect(await addresses.findForUser(userId, second.id)).toEqual(updated);
      expect((await addresses.findForUser(userId, first.id))?.isDefault).toBe(false);
    });

    it('always leaves exactly one default, even when the default is updated with isDefault false', async () => {
      const first = await addresses.create(userId, addressData(), at(0));
      await addresses.create(userId, addressData({ label: 'Work' }), at(1));
      await addresses.update(userId, first.id, addressData({ isDefault: false, city: 'Dallas' }), at(2));
      const list = await addresses.listForUser(userId);
      expect(defaults(list)).toHaveLength(1);
      expect(list.find((a) => a.id === first.id)?.city).toBe('Dallas');
    });

    it("never reads, changes or deletes another user's address", async () => {
      const mine = await addresses.create(userId, addressData(), t0);
      expect(await addresses.findForUser(otherUserId, mine.id)).toBeNull();
      expect(await addresses.update(otherUserId, mine.id, addressData({ city: 'Hacked' }), at(1))).toBeNull();
      expect(await addresses.delete(otherUserId, mine.id)).toBe(false);
      expect(await addresses.findForUser(userId, mine.id)).toEqual(mine);
      expect(await addresses.update(userId, mine.id + 1000, addressData(), at(1))).toBeNull();
    });

    it('promotes the most recently created remaining address when the default is deleted', async () => {
      const first = await addresses.create(userId, addressData({ label: 'First' }), at(0));
      const newest = await addresses.create(userId, addressData({ label: 'Newest' }), at(10));
      const middle = await addresses.create(userId, addressData({ label: 'Middle' }), at(5));
      expect(await addresses.delete(userId, first.id)).toBe(true);
      expect(await addresses.findForUser(userId, first.id)).toBeNull();
      const list = await addresses.listForUser(userId);
      expect(defaults(list)).toEqual([newest.id]);
      expect(list.map((a) => a.id).sort((x, y) => x - y)).toEqual([newest.id, middle.id].sort((x, y) => x - y));
    });

    it('keeps the default when another address is deleted, and none remain after the last', async () => {
      const first = await addresses.create(userId, addressData(), at(0));
      const second = await addresses.create(userId, addressData({ label: 'Work' }), at(1));
      expect(await addresses.delete(userId, second.id)).toBe(true);
      expect(defaults(await addresses.listForUser(userId))).toEqual([first.id]);
      expect(await addresses.delete(userId, first.id)).toBe(true);
      expect(await addresses.listForUser(userId)).toEqual([]);
      expect(await addresses.delete(userId, first.id)).toBe(false);
      const again = await addresses.create(userId, addressData(), at(2));
      expect(again.isDefault).toBe(true);
    });
  });
}
