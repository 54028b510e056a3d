// TEMPORARY (deleted after use): exercises seeding + baseline without the app.
import { createDatabase } from '../../packages/adapters/dist/sql/database.js';
import { migrateToLatest } from '../../packages/adapters/dist/sql/migrate.js';
import { benchUrls, createBenchDatabase, dropBenchDatabase } from './lib/database.mjs';
import { benchProductRows, seedProducts } from './lib/seed-products.mjs';
import { freePort, startServer } from './lib/processes.mjs';
import { measure } from './lib/measure.mjs';
import { printTable } from './lib/report.mjs';
import { SCENARIOS } from './scenarios.mjs';

const { serverUrl, databaseUrl } = benchUrls();
console.log(serverUrl, databaseUrl);
await createBenchDatabase(serverUrl);
const knex = createDatabase(databaseUrl);
try {
  console.log('migrated', await migrateToLatest(knex));
  const rows = benchProductRows(10_000);
  const rows2 = benchProductRows(10_000);
  console.log('deterministic', JSON.stringify(rows) === JSON.stringify(rows2));
  const t = Date.now(); await seedProducts(knex, rows); console.log('seeded ms', Date.now() - t);
  console.log(await knex('products').select('category').count({ n: '*' }).groupBy('category'));
  console.log(await knex('products').select('status').count({ n: '*' }).groupBy('status'));
  console.log(await knex('products').select(knex.raw('SUM(is_featured) f, SUM(rentable) r, MIN(created_at) a, MAX(created_at) b, COUNT(DISTINCT created_at) d')));
  const base = await startServer({ label: 'baseline', script: new URL('./baseline-server.mjs', import.meta.url).pathname, port: await freePort(), env: { DATABASE_URL: databaseUrl } });
  try {
    const s = SCENARIOS[0];
    const body = await (await fetch(base.baseUrl + s.path)).json();
    console.log(body.pagination, body.products.length, body.products[0]);
    // expected ids computed independently with knex
    const expected = await knex('products').where({ status: 'active', category: 'GPUs' }).orderBy([{ column: 'is_featured', order: 'desc' }, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).offset(20).limit(20).pluck('id');
    console.log('same ids as knex', JSON.stringify(expected) === JSON.stringify(body.products.map((p) => p.id)));
    console.log('compare self', s.compare(body, body));
    console.log('compare diff', s.compare({ ...body, products: body.products.slice(1) }, body));
    const f = await measure(base.baseUrl + s.path, { seconds: 3 });
    printTable([{ name: s.name, app: f, baseline: f, ratio: 1 }]);
    console.log(f);
  } finally { await base.stop(); }
} finally {
  await knex.destroy();
  await dropBenchDatabase(serverUrl);
}
