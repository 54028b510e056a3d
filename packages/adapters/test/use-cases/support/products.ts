import type { ProductInput } from '@giggatek/domain';

/** A valid product input; tests override the field they are about. */
export function gpu(overrides: ProductInput = {}): ProductInput {
  return {
    name: 'RTX 3080 Founders Edition',
    category: 'GPUs',
    brand: 'NVIDIA',
    condition: 'Excellent',
    price: 49_900,
    stock: 3,
    ...overrides,
  };
}
