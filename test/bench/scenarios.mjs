// What the bench measures. Each scenario is one request path, answered by the real app
// and by a baseline: the same query written by hand with mysql2 on a bare Koa app, so
// the ratio app/baseline is the cost of our layers (routing, validation, domain,
// knex/objection, presenters) on top of the unavoidable database work.
//
// To add a scenario (e.g. GET /api/orders): append an object with
//   name      a short label for the table;
//   path      the request path, identical for app and baseline;
//   headers   optional request headers (e.g. a bearer token made in run.mjs);
//   baseline  async (pool, url) => ({ status, body }): the hand-written equivalent;
//   compare   (appBody, baselineBody) => problem string or null: the sanity check that
//             both answered the same thing (a fast wrong answer is not a result).

const PRODUCT_COLUMNS = [
  'id', 'name', 'slug', 'description', 'category', 'brand', 'condition', 'specifications', 'image_urls',
  'rental_rates', 'price', 'rentable', 'stock', 'is_featured', 'status', 'created_at', 'updated_at',
].map((column) => `\`${column}\``).join(', ');

export const SCENARIOS = [
  {
    name: 'products by category, page 2',
    path: '/api/products?category=GPUs&page=2',
    baseline: listProductsByCategory,
    compare: sameProductPage,
  },
];

/** The API's default listing (sort=featured) of one category, 20 per page. */
async function listProductsByCategory(pool, url) {
  const category = url.searchParams.get('category') ?? '';
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const perPage = 20;
  const [rows] = await pool.query(
    `SELECT ${PRODUCT_COLUMNS} FROM products WHERE status = 'active' AND category = ?
     ORDER BY is_featured DESC, created_at DESC, id DESC LIMIT ? OFFSET ?`,
    [category, perPage, (page - 1) * perPage],
  );
  const [[{ total }]] = await pool.query(
    "SELECT COUNT(*) AS total FROM products WHERE status = 'active' AND category = ?",
    [category],
  );
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

function sameProductPage(app, baseline) {
  const appIds = (app.products ?? []).map((product) => product.id);
  const baselineIds = baseline.products.map((product) => product.id);
  if (baselineIds.length === 0) return 'the baseline page is empty: the seed did not reach page 2';
  if (JSON.stringify(appIds) !== JSON.stringify(baselineIds)) {
    return `different products: app [${appIds.join(', ')}] vs baseline [${baselineIds.join(', ')}]`;
  }
  if (JSON.stringify(app.pagination) !== JSON.stringify(baseline.pagination)) {
    return `different pagination: app ${JSON.stringify(app.pagination)} vs baseline ${JSON.stringify(baseline.pagination)}`;
  }
  return null;
}
