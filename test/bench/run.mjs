// Throughput benchmark of the public API against hand-written baselines, measured in
// the same run on the same machine (docs/performance.md). Needs MariaDB/MySQL.
//
//   npm run bench                      (builds first)
//   MYSQL_URL=mysql://root@127.0.0.1:3306 BENCH_DURATION=5 BENCH_ROUNDS=3 node test/bench/run.mjs
//
// Exits non-zero when something failed (set-up, errors, unexpected answers, app and
// baseline disagreeing, rows lost or doubled), not when a ratio misses its target: the
// figures are the output.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { benchUrls, connectionOptions, createBenchDatabase, dropBenchDatabase } from './lib/database.mjs';
import { benchProductRows, seedProducts } from './lib/seed-products.mjs';
import { freePort, startServer } from './lib/processes.mjs';
import { CONNECTIONS } from './lib/measure.mjs';
import { measureInRounds } from './lib/rounds.mjs';
import { loadProblems, sanityCheck } from './lib/checks.mjs';
import { countRows, rowsCheck, settledCount } from './lib/rows-check.mjs';
import { bearer, prepareOrderFixture, signIn, stockProducts } from './lib/order-fixture.mjs';
import { printTable, writeResults } from './lib/report.mjs';
import { SCENARIOS } from './scenarios.mjs';

const PRODUCT_COUNT = 10_000;
const WARMUP_SECONDS = 2;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_FILE = join(ROOT, 'var/bench/results.json');

async function main() {
  const settings = {
    seconds: wholeNumberFromEnv('BENCH_DURATION', 5),
    rounds: wholeNumberFromEnv('BENCH_ROUNDS', 3),
    warmupSeconds: WARMUP_SECONDS,
  };
  const { createDatabase, migrateToLatest } = await loadAdapters();
  const { serverUrl, databaseUrl } = benchUrls();
  // Order confirmations are written as .eml files (the app's mailer without SMTP_URL):
  // thousands of them, so into a directory of their own that the run removes.
  const mailDir = mkdtempSync(join(tmpdir(), 'giggatek-bench-mail-'));
  const servers = [];
  let pool = null;
  let databaseCreated = false;
  try {
    await createBenchDatabase(serverUrl);
    databaseCreated = true;
    const productIds = await prepareDatabase(createDatabase, migrateToLatest, databaseUrl);

    const app = await startServer({
      label: 'app',
      script: join(ROOT, 'packages/app-http/dist/main.js'),
      port: await freePort(),
      env: {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        MAIL_DIR: mailDir,
        // Every request comes from one IP, so the per-IP budgets are raised out of reach;
        // the limiters still run on every request, as in production.
        RATE_LIMIT_GENERAL: '1000000000/60',
        RATE_LIMIT_REGISTER: '1000/60',
        RATE_LIMIT_LOGIN: '1000/60',
      },
    });
    servers.push(app);
    const fixture = await prepareOrderFixture(app.baseUrl, productIds);
    const baseline = await startServer({
      label: 'baseline',
      script: join(ROOT, 'test/bench/baseline-server.mjs'),
      port: await freePort(),
      env: { DATABASE_URL: databaseUrl, BENCH_USER_ID: String(fixture.customer.userId) },
    });
    servers.push(baseline);
    pool = mysql.createPool({ ...connectionOptions(databaseUrl), connectionLimit: 2 });

    const results = [];
    const problems = [];
    for (const scenario of SCENARIOS) {
      const outcome = await runScenario(scenario, { app, baseline, fixture, pool, settings });
      results.push(outcome.result);
      problems.push(...outcome.problems);
    }

    console.log('');
    printTable(results);
    writeResults(RESULTS_FILE, {
      generated_at: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model ?? 'unknown',
      memory_gb: Math.round(totalmem() / 2 ** 30),
      mysql_version: await serverVersion(pool),
      duration_seconds: settings.seconds,
      rounds: settings.rounds,
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
    if (pool) await pool.end();
    if (databaseCreated) await dropBenchDatabase(serverUrl);
    rmSync(mailDir, { recursive: true, force: true });
  }
}

/** Sanity check, warm-up and alternating rounds of one scenario; then its checks. */
async function runScenario(scenario, { app, baseline, fixture, pool, settings }) {
  const method = scenario.method ?? 'GET';
  const headers = scenario.as ? bearer(await signIn(app.baseUrl, scenario.as)) : {};
  const body = scenario.body ? JSON.stringify(scenario.body(fixture)) : undefined;
  const request = {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body,
  };
  const against = scenario.baseline ? 'app and baseline alternating' : 'app only, no baseline';
  console.log(
    `\n${scenario.name}: ${method} ${scenario.path} ` +
      `(${against}; ${settings.rounds} rounds of ${settings.seconds} s, ${CONNECTIONS} connections)`,
  );

  const problems = [];
  const rowsBefore = scenario.creates ? await countRows(pool, scenario.creates) : null;
  const sanity = await sanityCheck(scenario, request, { appUrl: app.baseUrl, baselineUrl: baseline.baseUrl, fixture });
  if (sanity.problem) problems.push(`${scenario.name}: ${sanity.problem}`);

  const targets = [{ label: 'app', url: app.baseUrl + scenario.path }];
  if (scenario.baseline) targets.push({ label: 'baseline', url: baseline.baseUrl + scenario.path });
  const figures = await measureInRounds(targets, request, settings);
  for (const target of targets) problems.push(...loadProblems(scenario, target.label, figures[target.label]));

  const ratio = figures.baseline ? figures.app.requests_per_second / figures.baseline.requests_per_second : null;
  const targetRatio = scenario.targetRatio ?? null;
  const result = {
    name: scenario.name,
    method,
    path: scenario.path,
    app: figures.app,
    baseline: figures.baseline ?? null,
    ratio,
    target_ratio: targetRatio,
    target_met: ratio === null || targetRatio === null ? null : ratio >= targetRatio,
  };
  if (scenario.creates) {
    result.rows_check = rowsCheck({
      table: scenario.creates,
      before: rowsBefore,
      after: await settledCount(pool, scenario.creates),
      sanityRows: sanity.appStatus === (scenario.status ?? 200) ? 1 : 0,
      runs: [figures.app.warmup, ...figures.app.rounds],
    });
    console.log(result.rows_check.summary);
    if (!result.rows_check.ok) problems.push(`${scenario.name}: ${result.rows_check.summary}`);
  }
  return { result, problems };
}

function wholeNumberFromEnv(name, fallback) {
  const raw = process.env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return value;
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

/** Schema, the 10 000 products, and the stock the order scenarios draw on; returns those products' ids. */
async function prepareDatabase(createDatabase, migrateToLatest, databaseUrl) {
  const knex = createDatabase(databaseUrl);
  try {
    await migrateToLatest(knex);
    const started = Date.now();
    await seedProducts(knex, benchProductRows(PRODUCT_COUNT));
    console.log(`seeded ${PRODUCT_COUNT} products in ${Date.now() - started} ms`);
    return await stockProducts(knex);
  } finally {
    await knex.destroy();
  }
}

async function serverVersion(pool) {
  const [[{ version }]] = await pool.query('SELECT VERSION() AS version');
  return version;
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
