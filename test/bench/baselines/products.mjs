import { firstDifference } from '../lib/compare.mjs';

// Baseline of GET /api/products?category=…&page=…: the same two statements the app's
// repository runs, written by hand with mysql2, answering the same JSON page.

const PRODUCT_COLUMNS = [
  'id',
  'name',
  'slug',
  'description',
  'category',
  'brand',
  'condition',
  'specifications',
  'image_urls',
  'rental_rates',
  'price',
  'rentable',
  'stock',
  'is_featured',
  'status',
  'created_at',
  'updated_at',
]
  .map((column) => `\`${column}\``)
  .join(', ');

/** The API's default listing (sort=featured) of one category, 20 per page. */
export async function listProductsByCategory(pool, url) {
  const category = url.searchParams.get('category') ?? '';
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const perPage = 20;
  // Both statements at once, as the app's repository runs them.
  const [[rows], [[{ total }]]] = await Promise.all([
    pool.query(
      `SELECT ${PRODUCT_COLUMNS} FROM products WHERE status = 'active' AND category = ?
       ORDER BY is_featured DESC, created_at DESC, id DESC LIMIT ? OFFSET ?`,
      [category, perPage, (page - 1) * perPage],
    ),
    pool.query("SELECT COUNT(*) AS total FROM products WHERE status = 'active' AND category = ?", [category]),
  ]);
  return {
    status: 200,
    body: {
      products: rows.map(presentProductRow),
      pagination: { page, per_page: perPage, total, total_pages: Math.ceil(total / perPage) },
    },
  };
}

/** The public product shape (SPEC §2), built straight from a row. */
function presentProductRow(row) {
  const imageUrls = JSON.parse(row.image_urls);
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    category: row.category,
    brand: row.brand,
    condition: row.condition,
    specifications: JSON.parse(row.specifications),
    image_urls: imageUrls,
    primary_image: imageUrls[0] ?? null,
    price: row.price,
    currency: 'usd',
    rental_rates: JSON.parse(row.rental_rates),
    rentable: Boolean(row.rentable),
    stock: row.stock,
    is_featured: Boolean(row.is_featured),
    status: row.status,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export function sameProductPage(app, baseline) {
  const appIds = (app.products ?? []).map((product) => product.id);
  const baselineIds = baseline.products.map((product) => product.id);
  if (baselineIds.length === 0) return 'the baseline page is empty: the seed did not reach page 2';
  if (JSON.stringify(appIds) !== JSON.stringify(baselineIds)) {
    return `different products: app [${appIds.join(', ')}] vs baseline [${baselineIds.join(', ')}]`;
  }
  if (JSON.stringify(app.pagination) !== JSON.stringify(baseline.pagination)) {
    return `different pagination: app ${JSON.stringify(app.pagination)} vs baseline ${JSON.stringify(baseline.pagination)}`;
  }
  // Every field alike: a baseline that skipped part of the answer would not be a floor.
  const difference = firstDifference(app, baseline);
  return difference ? `different answers at ${difference} (app vs baseline)` : null;
}
