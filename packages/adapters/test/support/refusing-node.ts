import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Runs an ES module in a fresh Node process whose resolve hook refuses any module inside a
// package we name: the run fails, naming the package, if anything it imports reaches one.
// It imports the built packages (dist), as an embedder's process would.

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The runtime packages an embedder of the domain and the memory adapters should not load. */
export const HEAVY_PACKAGES = [
  'inversify',
  'knex',
  'bcrypt',
  'better-sqlite3',
  'mysql2',
  'ioredis',
  'nodemailer',
  'pino',
];

const hooks = `
let refused = [];
export function initialize(data) { refused = data.refused; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const hit = refused.find((name) => result.url.includes('/node_modules/' + name + '/'));
  if (hit) throw new Error('loaded refused package ' + hit);
  return result;
}`;

/**
 * Builds the adapters and the domain (a no-op when `npm test`'s typecheck just did). Test
 * files in other workers may build at the same moment: a lock folder lets one at a time.
 */
export function buildAdapters(): void {
  const lock = join(root, 'node_modules', '.giggatek-build-lock');
  const giveUpAt = Date.now() + 120_000; // a lock older than this was left by a killed run
  while (!tryLock(lock) && Date.now() < giveUpAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  try {
    execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-b', 'packages/adapters'],
      { cwd: root },
    );
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function tryLock(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs `source` (an ES module: imports, top-level await) refusing `refused`; its exit status and output. */
export function runRefusing(
  source: string,
  refused: readonly string[],
): { status: number | null; stdout: string; stderr: string } {
  // Inside node_modules, so its bare imports resolve as an embedder's would; gone afterwards.
  const folder = mkdtempSync(join(root, 'node_modules', '.giggatek-run-'));
  const file = join(folder, 'main.mjs');
  writeFileSync(file, source);
  // The hook is registered first; the module's own imports resolve after it, in the dynamic import.
  const main = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), import.meta.url,
  { data: { refused: ${JSON.stringify(refused)} } });
await import(${JSON.stringify(pathToFileURL(file).href)});`;
  try {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', main], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: child.status, stdout: child.stdout, stderr: child.stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
