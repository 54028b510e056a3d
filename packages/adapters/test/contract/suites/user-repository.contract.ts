import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@giggatek/domain';
import type { NewUser, UserRepository } from '@giggatek/domain';
import type { ContractFixture, MakeFixture } from './fixture.js';
import { uniqueEmail } from './fixture.js';

const createdAt = new Date('2026-01-15T12:00:00.123Z');
const later = new Date('2026-01-16T09:30:00.456Z');

function newUser(overrides: Partial<NewUser> = {}): NewUser {
  return {
    email: uniqueEmail(),
    passwordHash: '$2b$04$abcdefghijklmnopqrstuv',
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: '+1 555 0100',
    role: 'customer',
    createdAt,
    ...overrides,
  };
}

export function describeUserRepositoryContract(name: string, makeRepo: MakeFixture<UserRepository>): void {
  describe(`UserRepository contract (${name})`, () => {
    let fixture: ContractFixture<UserRepository>;
    let users: UserRepository;
    beforeEach(async () => {
      fixture = await makeRepo();
      users = fixture.repo;
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('creates a user and reads every field back, email lower-cased', async () => {
      const input = newUser({ email: 'Grace.Hopper@Navy.MIL', phone: null, role: 'manager' });
      const created = await users.create(input);
      expect(created.id).toBeGreaterThan(0);
      expect(created).toEqual({
        id: created.id,
        email: 'grace.hopper@navy.mil',
        firstName: 'Ada',
        lastName: 'Lovelace',
        phone: null,
        role: 'manager',
        emailVerifiedAt: null,
        createdAt,
        updatedAt: createdAt,
      });
      expect(created).not.toHaveProperty('passwordHash');
      expect(await users.findById(created.id)).toEqual(created);
      expect(await users.findCredentialsById(created.id)).toEqual({ ...created, passwordHash: input.passwordHash });
    });

    it('gives distinct ids and returns null for an unknown id', async () => {
      const a = await users.create(newUser());
      const b = await users.create(newUser());
      expect(a.id).not.toBe(b.id);
      expect(await users.findById(b.id + 1000)).toBeNull();
      expect(await users.findCredentialsById(b.id + 1000)).toBeNull();
    });

    it('refuses a second account with the same email in another letter case', async () => {
      await users.create(newUser({ email: 'dup@example.com' }));
      const attempt = users.create(newUser({ email: 'DUP@Example.Com' }));
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({
        code: 'already_exists',
        message: 'an account with this email already exists',
      });
      const page = await users.list({ page: 1, perPage: 10, q: 'dup@' });
      expect(page.total).toBe(1);
    });

    it('finds credentials by email whatever the letter case', async () => {
      const created = await users.create(newUser({ email: 'Case.Test@Example.com', passwordHash: 'the-hash' }));
      const found = await users.findCredentialsByEmail('CASE.test@EXAMPLE.COM');
      expect(found?.id).toBe(created.id);
      expect(found?.passwordHash).toBe('the-hash');
      expect(await users.findCredentialsByEmail('nobody@example.com')).toBeNull();
    });

    it('updates only the given profile fields and the update time', async () => {
      const created = await users.create(newUser());
      const updated = await users.updateProfile(created.id, { lastName: 'Byron', phone: null }, later);
      expect(updated).toEqual({ ...created, lastName: 'Byron', phone: null, updatedAt: later });
      expect(await users.findById(created.id)).toEqual(updated);
      const promoted = await users.updateProfile(created.id, { role: 'admin', firstName: 'Augusta' }, later);
      expect(promoted).toMatchObject({ role: 'admin', firstName: 'Augusta', lastName: 'Byron' });
      expect(await users.updateProfile(created.id + 1000, { firstName: 'X' }, later)).toBeNull();
    });

    it('stores a new password hash', async () => {
      const created = await users.create(newUser({ passwordHash: 'old' }));
      await users.setPasswordHash(created.id, 'new', later);
      const credentials = await users.findCredentialsById(created.id);
      expect(credentials?.passwordHash).toBe('new');
      expect(credentials?.updatedAt).toEqual(later);
    });

    it('marks the email verified at the given time', async () => {
      const created = await users.create(newUser());
      await users.markEmailVerified(created.id, later);
      expect((await users.findById(created.id))?.emailVerifiedAt).toEqual(later);
    });

    it('lists users by id with role and case-insensitive text filters, paged with a total', async () => {
      const alice = await users.create(newUser({ email: 'alice@shop.test', firstName: 'Alice', lastName: 'Smith' }));
      const bob = await users.create(
        newUser({ email: 'bob@shop.test', firstName: 'Bob', lastName: 'Jones', role: 'admin' }),
      );
      const carol = await users.create(
        newUser({ email: 'carol@other.test', firstName: 'Carol', lastName: 'Smithers' }),
      );

      const all = await users.list({ page: 1, perPage: 10 });
      expect(all.items.map((u) => u.id)).toEqual([alice.id, bob.id, carol.id]);
      expect(all.total).toBe(3);

      const smiths = await users.list({ page: 1, perPage: 10, q: 'SMITH' });
      expect(smiths.items.map((u) => u.id)).toEqual([alice.id, carol.id]);
      expect((await users.list({ page: 1, perPage: 10, q: 'bo' })).items.map((u) => u.id)).toEqual([bob.id]);
      expect((await users.list({ page: 1, perPage: 10, q: 'shop.test' })).total).toBe(2);
      expect((await users.list({ page: 1, perPage: 10, q: '%' })).total).toBe(0);

      const admins = await users.list({ page: 1, perPage: 10, role: 'admin' });
      expect(admins.items.map((u) => u.id)).toEqual([bob.id]);
      expect((await users.list({ page: 1, perPage: 10, role: 'customer', q: 'carol' })).total).toBe(1);

      const second = await users.list({ page: 2, perPage: 2 });
      expect(second).toMatchObject({ total: 3, page: 2, perPage: 2 });
      expect(second.items.map((u) => u.id)).toEqual([carol.id]);
      expect(second.items[0]).not.toHaveProperty('passwordHash');
    });
  });
}
