import { describe, expect, it } from 'vitest';
import { AddressService, CatalogService, FixedClock, IdentityService } from '@giggatek/domain';
import {
  BcryptPasswordHasher, InProcessBackgroundTasks, JoseTokenSigner, MemoryAddressRepository, MemoryNotifier,
  MemoryOneTimeTokenRepository, MemoryProductRepository, MemoryUnitOfWork, MemorySessionRepository, MemoryUserRepository,
  NodeSecretTokens,
} from '@giggatek/adapters';

// docs/embedding.md: the domain wired by hand, without Inversify, as an embedding team would.
describe('wiring the domain by hand', () => {
  it('signs a customer up, lists the catalog and keeps an address book', async () => {
    const clock = new FixedClock('2026-01-15T12:00:00Z');
    const notifier = new MemoryNotifier();
    const identity = new IdentityService({
      users: new MemoryUserRepository(),
      sessions: new MemorySessionRepository(),
      oneTimeTokens: new MemoryOneTimeTokenRepository(),
      hasher: new BcryptPasswordHasher(4),
      signer: new JoseTokenSigner({ secret: 'at-least-32-characters-of-secret!!', issuer: 'me', audience: 'me', clock }),
      secrets: new NodeSecretTokens(),
      notifier,
      background: new InProcessBackgroundTasks({ onError: (task, error) => console.error(task, error) }),
      clock,
    });
    const products = new MemoryProductRepository();
    const catalog = new CatalogService({ products, clock, unitOfWork: new MemoryUnitOfWork([products]) });
    const addresses = new AddressService({ addresses: new MemoryAddressRepository(), clock });

    const signedUp = await identity.register(
      { email: 'Embed@Example.com', password: 'Str0ng!Passw0rd', firstName: 'Em', lastName: 'Bed' },
      { ip: null, userAgent: null },
    );
    expect(signedUp.user.email).toBe('embed@example.com');
    expect(notifier.sent.map((n) => n.template)).toEqual(expect.arrayContaining(['welcome', 'verify_email']));
    const actor = await identity.authenticate(signedUp.accessToken);
    expect(actor).toMatchObject({ userId: signedUp.user.id, role: 'customer' });

    const admin = { userId: 99, role: 'admin' as const };
    await catalog.createProduct(admin, { name: 'RTX 3080', category: 'GPUs', brand: 'NVIDIA', condition: 'Good', price: 49_900, stock: 2 });
    const page = await catalog.listProducts({ page: 1, perPage: 20, sort: 'featured' });
    expect(page.items.map((p) => p.slug)).toEqual(['rtx-3080']);

    const home = await addresses.create(actor, { recipientName: 'Em Bed', line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701' });
    expect(home).toMatchObject({ isDefault: true, country: 'US' });
  });
});
