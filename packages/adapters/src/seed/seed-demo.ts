import type { Actor, CatalogUseCases, IdentityUseCases, ProductRepository, UserRepository } from '@giggatek/domain';
import { slugify } from '@giggatek/domain';
import { DEMO_PRODUCTS } from './demo-catalog.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';

export interface SeedDeps {
  identity: IdentityUseCases;
  catalog: CatalogUseCases;
  users: UserRepository;
  products: ProductRepository;
}

export interface SeedReport {
  /** Demo accounts created by this run (none when they existed already). */
  createdUsers: { email: string; role: string; password: string }[];
  createdProducts: number;
}

/**
 * Demo accounts and catalog, through the same use cases the API uses (so the data obeys
 * every rule). Idempotent: what exists already (by email, by slug) is left alone.
 */
export async function seedDemo(deps: SeedDeps): Promise<SeedReport> {
  const createdUsers: SeedReport['createdUsers'] = [];
  let admin: Actor | null = null;
  for (const demo of DEMO_USERS) {
    let user = await deps.users.findCredentialsByEmail(demo.email);
    if (!user) {
      await deps.identity.createUser({ ...demo, password: DEMO_PASSWORD });
      user = await deps.users.findCredentialsByEmail(demo.email);
      createdUsers.push({ email: demo.email, role: demo.role, password: DEMO_PASSWORD });
    }
    if (user?.role === 'admin') admin = { userId: user.id, role: 'admin' };
  }
  if (!admin) throw new Error('seed: the demo admin account is missing');

  let createdProducts = 0;
  for (const product of DEMO_PRODUCTS) {
    if (await deps.products.slugExists(slugify(product.name))) continue;
    await deps.catalog.createProduct(admin, product);
    createdProducts += 1;
  }
  return { createdUsers, createdProducts };
}
