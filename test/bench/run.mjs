// Throughput benchmark of the public API against a hand-written baseline, measured in
// the same run on the same machine (docs/performance.md). Needs MariaDB/MySQL.
//
//   npm run bench                      (builds first)
//   MYSQL_URL=mysql://root@127.0.0.1:3306 BENCH_DURATION=10 node test/bench/run.mjs
//
// Exits non-zero when something failed (set-up, errors, non-2xx answers, app and
// baseline disagreeing), not when a ratio misses its target: the figures are the output.
import { cpus } from 'node:os';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { benchUrls, createBenchDatabase, dropBenchDatabase } from './lib/database.mjs';
import { benchProductRows, seedProducts } from './lib/seed-products.mjs';
import { freePort, startServer } from './lib/processes.mjs';
import { CONNECTIONS, failures, measure } from './lib/measure.mjs';
import { TARGET_RATIO, printTable, writeResults } from './lib/report.mjs';
import { SCENARIOS } from './scenarios.mjs';

const PRODUCT_COUNT = 10_000;
const WARMUP_SECONDS = 2;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_FILE = join(ROOT, 'var/bench/results.json');

async function main() {
  const seconds = durationSeconds();
  const { createDatabase, migrateToLatest } = await loadAdapters();
  const { serverUrl, databaseUrl } = benchUrls();
  const servers = [];
  let databaseCreated = false;
  try {
    await createBenchDatabase(serverUrl);
    databaseCreated = true;
    await prepareDatabase(createDatabase, migrateToLatest, databaseUrl);

    servers.push(await startServer({
      label: 'app',
      script: join(ROOT, 'packages/app-http/dist/main.js'),
      port: await freePort(),
      env: {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        // Every autocannon request comes from one IP, so the 600/min per-IP budget is
        // raised out of reach; the limiter still runs on every request, as in production.
        RATE_LIMIT_GENERAL: '1000000000/60',
      },
    }));
    servers.push(await startServer({
      label: 'baseline',
      script: join(ROOT, 'test/bench/baseline-server.mjs'),
      port: await freePort(),
      env: { DATABASE_URL: databaseUrl },
    }));
    const [app, baseline] = servers;

    const results = [];
    const problems = [];
    for (const scenario of SCENARIOS) {
      console.log(`\n${scenario.name}: GET ${scenario.path} (${seconds} s each, ${CONNECTIONS} connections)`);
      const mismatch = await sanityCheck(scenario, app.baseUrl, baseline.baseUrl);
      if (mismatch) problems.push(`${scenario.name}: ${mismatch}`);

      const options = { seconds, headers: scenario.headers ?? {} };
      await measure(app.baseUrl + scenario.path, { ...options, seconds: WARMUP_SECONDS });
      await measure(baseline.baseUrl + scenario.path, { ...options, seconds: WARMUP_SECONDS });
      const baselineFigures = await measure(baseline.baseUrl + scenario.path, options);
      const appFigures = await measure(app.baseUrl + scenario.path, options);
      problems.push(...loadProblems(scenario.name, 'app', appFigures), ...loadProblems(scenario.name, 'baseline', baselineFigures));

      const ratio = appFigures.requests_per_second / baselineFigures.requests_per_second;
      results.push({ name: scenario.name, path: scenario.path, app: appFigures, baseline: baselineFigures, ratio, target_ratio: TARGET_RATIO, target_met: ratio >= TARGET_RATIO });
    }

    console.log('');
    printTable(results);
    writeResults(RESULTS_FILE, {
      generated_at: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model ?? 'unknown',
      duration_seconds: seconds,
      warmup_seconds: WARMUP_SECONDS,
      connections: CONNECTIONS,
      products_seeded: PRODUCT_COUNT,
      scenarios: results,
      problems,
    });
    console.log(`\nresults written to ${RESULTS_FILE}`);
    if (problems.length > 0) {
      console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
      return 1;
    }
    return 0;
  } finally {
    for (const server of servers) await server.stop();
    if (databaseCreated) await dropBenchDatabase(serverUrl);
  }
}

function durationSeconds() {
  const seconds = Number(process.env.BENCH_DURATION ?? 10);
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`BENCH_DURATION must be a whole number of seconds ≥ 1, got "${process.env.BENCH_DURATION}"`);
  return seconds;
}

/** The app's own schema code, from the built package, so the bench measures real tables and indexes. */
async function loadAdapters() {
  let adapters;
  try {
    adapters = await import('@giggatek/adapters');
  } catch (error) {
    throw new Error(`cannot load @giggatek/adapters (run "npm run build" first): ${error.message}`);
  }
  if (typeof adapters.createDatabase !== 'function' || typeof adapters.migrateToLatest !== 'function') {
    throw new Error('@giggatek/adapters does not export createDatabase and migrateToLatest');
  }
  return adapters;
}

async function prepareDatabase(createDatabase, migrateToLatest, databaseUrl) {
  const knex = createDatabase(databaseUrl);
  try {
    await migrateToLatest(knex);
    const started = Date.now();
    await seedProducts(knex, benchProductRows(PRODUCT_COUNT));
    console.log(`seeded ${PRODUCT_COUNT} products in ${Date.now() - started} ms`);
  } finally {
    await knex.destroy();
  }
}

/** Both must answer 200 with the same result before their speed means anything. */
async function sanityCheck(scenario, appUrl, baselineUrl) {
  const [app, baseline] = await Promise.all([
    getJson(appUrl + scenario.path, scenario.headers),
    getJson(baselineUrl + scenario.path, scenario.headers),
  ]);
  if (app.status !== 200) return `the app answered ${app.status}: ${JSON.stringify(app.body).slice(0, 300)}`;
  if (baseline.status !== 200) return `the baseline answered ${baseline.status}: ${JSON.stringify(baseline.body).slice(0, 300)}`;
  return scenario.compare(app.body, baseline.body);
}

async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

function loadProblems(scenario, target, figures) {
  if (failures(figures) === 0) return [];
  const problem = `${scenario} (${target}): ${figures.errors} errors, ${figures.timeouts} timeouts, ${figures.non_2xx} non-2xx ${JSON.stringify(figures.status_codes)}`;
  const limited = target === 'app' && figures.status_codes['429'] > 0;
  return [limited ? `${problem} — 429s: the app did not take RATE_LIMIT_GENERAL` : problem];
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
