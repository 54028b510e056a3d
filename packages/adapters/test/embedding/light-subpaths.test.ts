import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// docs/embedding.md promises that the domain and the memory adapters load without the
// heavy runtime packages. This imports the built subpath exports in a fresh Node process
// whose resolve hook refuses any module inside a package we name, so the import fails,
// naming the package, if anything on its module graph reaches one.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const HEAVY = ['inversify', 'knex', 'objection', 'bcrypt', 'better-sqlite3', 'mysql2', 'ioredis', 'nodemailer', 'pino'];

const hooks = `
let refused = [];
export function initialize(data) { refused = data.refused; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const hit = refused.find((name) => result.url.includes('/node_modules/' + name + '/'));
  if (hit) throw new Error('loaded refused package ' + hit);
  return result;
}`;

/** Imports `specifiers` in a fresh process that refuses `refused`; the child's exit status and stderr. */
function importRefusing(specifiers: string[], refused: string[]): { status: number | null; stderr: string } {
  const script = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), import.meta.url,
      { data: { refused: ${JSON.stringify(refused)} } });
    for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  return { status: child.status, stderr: child.stderr };
}

describe('the light subpath exports (built dist, fresh process)', () => {
  beforeAll(() => {
    // Up to date after `npm test`'s typecheck (then this is a no-op); builds when run alone.
    execFileSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-b', 'packages/adapters'], { cwd: root });
  }, 120_000);

  it('@giggatek/domain, /memory and /background load none of the heavy packages', () => {
    const result = importRefusing(['@giggatek/domain', '@giggatek/adapters/memory', '@giggatek/adapters/background'], HEAVY);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('/security loads jose and bcrypt, and nothing else of the list', () => {
    const result = importRefusing(['@giggatek/adapters/security'], HEAVY.filter((name) => name !== 'bcrypt'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(importRefusing(['@giggatek/adapters/security'], ['bcrypt']).stderr).toContain('loaded refused package bcrypt');
  });

  it('the main entry does load them: the hook sees what it refuses', () => {
    const result = importRefusing(['@giggatek/adapters'], HEAVY);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/loaded refused package (inversify|knex|objection|bcrypt|mysql2|ioredis|nodemailer)/);
  });
});
