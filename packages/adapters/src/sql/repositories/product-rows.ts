import { cents } from '@giggatek/domain';
import type { Product, ProductData, RentalRates, Specifications } from '@giggatek/domain';
import type { ProductRow } from '../rows/index.js';
import { toBoolean, toDate, toNumber } from '../row-values.js';

type ProductColumns = Partial<Omit<ProductRow, 'id' | 'slug' | 'created_at' | 'updated_at'>>;

/** The columns for the given product fields (only those present, for partial updates). */
export function toProductColumns(data: Partial<ProductData>): ProductColumns {
  const columns: ProductColumns = {};
  if (data.name !== undefined) columns.name = data.name;
  if (data.description !== undefined) columns.description = data.description;
  if (data.category !== undefined) columns.category = data.category;
  if (data.brand !== undefined) columns.brand = data.brand;
  if (data.condition !== undefined) columns.condition = data.condition;
  if (data.specifications !== undefined) columns.specifications = JSON.stringify(data.specifications);
  if (data.imageUrls !== undefined) columns.image_urls = JSON.stringify(data.imageUrls);
  if (data.price !== undefined) columns.price = data.price;
  if (data.rentalRates !== undefined) columns.rental_rates = JSON.stringify(data.rentalRates);
  if (data.rentable !== undefined) columns.rentable = data.rentable;
  if (data.stock !== undefined) columns.stock = data.stock;
  if (data.isFeatured !== undefined) columns.is_featured = data.isFeatured;
  if (data.status !== undefined) columns.status = data.status;
  return columns;
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    category: row.category,
    brand: row.brand,
    condition: row.condition,
    // JSON columns hold only what toProductColumns wrote from typed product data.
    specifications: JSON.parse(row.specifications) as Specifications,
    imageUrls: JSON.parse(row.image_urls) as string[],
    price: cents(toNumber(row.price)),
    rentalRates: parseRentalRates(row.rental_rates),
    rentable: toBoolean(row.rentable),
    stock: toNumber(row.stock),
    isFeatured: toBoolean(row.is_featured),
    status: row.status,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function parseRentalRates(text: string): RentalRates {
  const rates: RentalRates = {};
  // Written by toProductColumns from RentalRates: term → integer cents.
  for (const [term, rate] of Object.entries(JSON.parse(text) as Record<string, number>)) {
    rates[Number(term)] = cents(rate);
  }
  return rates;
}
