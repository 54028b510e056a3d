import { cents } from '@giggatek/domain';
import type { Condition, Id, ProductData, ProductFilter, ProductRepository } from '@giggatek/domain';

let slugCounter = 0;

export function productData(overrides: Partial<ProductData & { slug: string }> = {}): ProductData & { slug: string } {
  slugCounter += 1;
  return {
    slug: `product-${slugCounter}`,
    name: 'GeForce RTX 3080',
    description: 'A refurbished graphics card.',
    category: 'GPUs',
    brand: 'NVIDIA',
    condition: 'Good',
    specifications: { memory: '10GB GDDR6X', cuda_cores: 8704 },
    imageUrls: ['https://cdn.example.com/rtx3080-front.jpg', '/images/rtx3080-back.png'],
    price: cents(49999),
    rentalRates: { 3: cents(18000), 12: cents(4800) },
    rentable: true,
    stock: 4,
    isFeatured: false,
    status: 'active',
    ...overrides,
  };
}

export function listFilter(overrides: Partial<ProductFilter> = {}): ProductFilter {
  return { page: 1, perPage: 50, sort: 'newest', ...overrides };
}

const base = new Date('2026-01-01T00:00:00.000Z');
const day = (n: number): Date => new Date(base.getTime() + n * 86_400_000);

interface CatalogRow {
  key: string;
  name: string;
  category: string;
  brand: string;
  condition: Condition;
  price: number;
  stock: number;
  rentable: boolean;
  isFeatured: boolean;
  description: string;
  createdAt: Date;
  archived?: boolean;
}

/**
 * A small catalog where every filter and sort separates the products, with ties on
 * created_at (b, d) and on price (c, d) so the id tie-break shows.
 */
const CATALOG: CatalogRow[] = [
  {
    key: 'a',
    name: 'RTX 4090 Founders',
    category: 'GPUs',
    brand: 'NVIDIA',
    condition: 'Excellent',
    price: 159999,
    stock: 3,
    rentable: true,
    isFeatured: true,
    description: 'Flagship graphics card, 24GB',
    createdAt: day(1),
  },
  {
    key: 'b',
    name: 'Radeon RX 7900',
    category: 'GPUs',
    brand: 'AMD',
    condition: 'Good',
    price: 89999,
    stock: 0,
    rentable: true,
    isFeatured: false,
    description: 'Fast GPU with 100% refurbished fans',
    createdAt: day(2),
  },
  {
    key: 'c',
    name: 'Ryzen 9 7950X',
    category: 'CPUs',
    brand: 'AMD',
    condition: 'Excellent',
    price: 54999,
    stock: 5,
    rentable: false,
    isFeatured: true,
    description: 'Sixteen cores',
    createdAt: day(3),
  },
  {
    key: 'd',
    name: 'core i9',
    category: 'CPUs',
    brand: 'Intel',
    condition: 'Fair',
    price: 54999,
    stock: 2,
    rentable: false,
    isFeatured: false,
    description: 'Desktop processor',
    createdAt: day(2),
  },
  {
    key: 'e',
    name: 'ThinkPad X1',
    category: 'Laptops',
    brand: 'Lenovo',
    condition: 'Refurbished',
    price: 120000,
    stock: 1,
    rentable: true,
    isFeatured: false,
    description: 'Business laptop',
    createdAt: day(0),
  },
  {
    key: 'z',
    name: 'Archived Monitor',
    category: 'Monitors',
    brand: 'Dell',
    condition: 'Open Box',
    price: 30000,
    stock: 4,
    rentable: true,
    isFeatured: true,
    description: 'Old stock, GPU-free',
    createdAt: day(5),
    archived: true,
  },
];

/** Creates the catalog in key order (so ids ascend a, b, c, …) and returns key → id. */
export async function seedCatalog(products: ProductRepository): Promise<Record<string, Id>> {
  const ids: Record<string, Id> = {};
  for (const row of CATALOG) {
    const product = await products.create(
      productData({
        name: row.name,
        category: row.category,
        brand: row.brand,
        condition: row.condition,
        price: cents(row.price),
        stock: row.stock,
        rentable: row.rentable,
        isFeatured: row.isFeatured,
        description: row.description,
        status: row.archived ? 'archived' : 'active',
      }),
      row.createdAt,
    );
    ids[row.key] = product.id;
  }
  return ids;
}
