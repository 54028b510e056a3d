import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/** A valid product body; override any field. */
export function productBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'GeForce RTX 3080 10GB',
    description: 'Tested, cleaned, 90-day warranty.',
    category: 'GPUs',
    brand: 'NVIDIA',
    condition: 'Good',
    price: 44_900,
    stock: 3,
    ...overrides,
  };
}

/** Creates a product through the API with a staff token; answers the presented product. */
export async function createProduct(server: TestServer, token: string, overrides: Record<string, unknown> = {}) {
  const response = await server.request('POST', '/api/products', { token, body: productBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.product;
}
