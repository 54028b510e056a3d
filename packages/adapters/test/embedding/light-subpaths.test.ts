import { beforeAll, describe, expect, it } from 'vitest';
import { buildAdapters, HEAVY_PACKAGES, runRefusing } from '../support/refusing-node.js';

// docs/embedding.md promises that the domain and the memory adapters load without the
// heavy runtime packages: the built subpath exports are imported in a fresh Node process
// that refuses those packages (support/refusing-node.ts).
const importing = (...specifiers: string[]) => specifiers.map((s) => `await import(${JSON.stringify(s)});`).join('\n');

describe('the light subpath exports (built dist, fresh process)', () => {
  beforeAll(buildAdapters, 120_000);

  it('@giggatek/domain, /memory and /background load none of the heavy packages', () => {
    const result = runRefusing(
      importing('@giggatek/domain', '@giggatek/adapters/memory', '@giggatek/adapters/background'),
      HEAVY_PACKAGES,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('/security loads jose and bcrypt, and nothing else of the list', () => {
    const result = runRefusing(
      importing('@giggatek/adapters/security'),
      HEAVY_PACKAGES.filter((name) => name !== 'bcrypt'),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(runRefusing(importing('@giggatek/adapters/security'), ['bcrypt']).stderr).toContain(
      'loaded refused package bcrypt',
    );
  });

  it('the main entry does load them: the hook sees what it refuses', () => {
    const result = runRefusing(importing('@giggatek/adapters'), HEAVY_PACKAGES);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/loaded refused package (inversify|knex|bcrypt|mysql2|ioredis|nodemailer)/);
  });
});
