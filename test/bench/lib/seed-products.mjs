// Deterministic bench catalog: the same 10 000 rows on every run and every machine, so
// figures from two runs describe the same data.

export const CATEGORIES = [
  'GPUs',
  'CPUs',
  'Memory',
  'Storage',
  'Laptops',
  'Desktops',
  'Monitors',
  'Peripherals',
  'Accessories',
];
const CONDITIONS = ['Excellent', 'Good', 'Fair', 'Refurbished', 'Open Box'];
const BRANDS = [
  'NVIDIA',
  'AMD',
  'Intel',
  'ASUS',
  'MSI',
  'Gigabyte',
  'Dell',
  'HP',
  'Lenovo',
  'Samsung',
  'Corsair',
  'Logitech',
];
const WORDS = ['Pro', 'Ultra', 'Max', 'Elite', 'Prime', 'Gaming', 'Studio', 'Plus', 'Edge', 'Core', 'Turbo', 'Lite'];

const BATCH_SIZE = 500;
const FIRST_CREATED_AT = Date.UTC(2024, 0, 1);

/** mulberry32: a small seeded PRNG (Math.random would make every run different). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` product rows in the products table's column shape. Categories rotate so each
 * gets count / 9; about 10% are archived. Creation times are distinct minutes in a
 * shuffled order, so the "newest" order differs from id order and has no ties.
 */
export function benchProductRows(count, seed = 2026) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const minutes = shuffled(
    Array.from({ length: count }, (_, i) => i),
    random,
  );
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const category = CATEGORIES[i % CATEGORIES.length];
    const brand = pick(BRANDS);
    const name = `${brand} ${pick(WORDS)} ${category.replace(/s$/, '')} ${1000 + i}`;
    const createdAt = sqlDateTime(FIRST_CREATED_AT + minutes[i] * 60_000);
    const price = 1_000 + Math.floor(random() * 200_000);
    rows.push({
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      description: `${name}: refurbished, tested and cleaned. ${pick(WORDS)} performance for work and play, with a 12-month warranty.`,
      category,
      brand,
      condition: pick(CONDITIONS),
      specifications: JSON.stringify({ model: `${brand}-${i}`, weight_grams: 100 + Math.floor(random() * 3_000) }),
      image_urls: JSON.stringify([`/images/products/bench-${i}.jpg`]),
      rental_rates: JSON.stringify({}),
      price,
      rentable: random() < 1 / 3,
      stock: Math.floor(random() * 41),
      is_featured: random() < 0.05,
      status: random() < 0.1 ? 'archived' : 'active',
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  return rows;
}

/** Inserts the rows in bulk, BATCH_SIZE per statement. */
export async function seedProducts(knex, rows) {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await knex('products').insert(rows.slice(start, start + BATCH_SIZE));
  }
}

function shuffled(values, random) {
  for (let i = values.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, what a DATETIME(3) column holds. */
function sqlDateTime(epochMs) {
  return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}
