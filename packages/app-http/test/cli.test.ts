import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createContainer,
  disposeContainer,
  loadConfig,
  resolve,
  TOKENS,
  DEMO_PRODUCTS,
  DEMO_USERS,
} from '@giggatek/adapters';
import type { Container } from 'inversify';
import { runCli } from '../src/cli-commands.js';
import { cliServices } from '../src/services.js';

describe('npm run cli', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    BCRYPT_COST: '4',
    LOG_LEVEL: 'silent',
  });
  let container: Container;
  let out: string[];
  let err: string[];
  const cli = (...args: string[]) =>
    runCli(args, {
      services: cliServices(container),
      config,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      untilSignal: async () => 'SIGTERM',
    });
  const users = () => resolve(container, TOKENS.Database)('users').select('email', 'role').orderBy('id');

  beforeEach(() => {
    container = createContainer(config);
    out = [];
    err = [];
  });
  afterEach(() => disposeContainer(container));

  it('seeds the demo catalog and accounts once, printing the logins the first time only', async () => {
    expect(await cli('seed')).toBe(0);
    expect(out.join('\n')).toContain('admin@giggatek.demo');
    const db = resolve(container, TOKENS.Database);
    const productCount = async () => Number((await db('products').count({ count: '*' }))[0]?.count);
    expect(await productCount()).toBe(DEMO_PRODUCTS.length);
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(60);
    const categories = await db('products').distinct('category');
    expect(categories).toHaveLength(9);

    out = [];
    expect(await cli('seed')).toBe(0);
    expect(await productCount()).toBe(DEMO_PRODUCTS.length);
    expect((await users()).map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(out.join('\n')).not.toContain('password');
  });

  it('creates a user with the given role', async () => {
    const code = await cli(
      'user:create',
      '--email',
      'Ops@Example.com',
      '--password',
      'S3cure!pass',
      '--role',
      'manager',
      '--first-name',
      'Ops',
      '--last-name',
      'Team',
    );
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/created manager ops@example.com/)]);
    expect(await users()).toEqual([{ email: 'ops@example.com', role: 'manager' }]);
  });

  it('refuses a duplicate email (any letter case) with a clear message and a non-zero exit', async () => {
    const args = ['--password', 'S3cure!pass', '--first-name', 'A', '--last-name', 'B'];
    expect(await cli('user:create', '--email', 'dup@example.com', ...args)).toBe(0);
    expect(await cli('user:create', '--email', 'DUP@example.com', ...args)).toBe(1);
    expect(err.join('\n')).toMatch(/already exists/);
    expect(await users()).toHaveLength(1);
  });

  it('validates like the API: weak password, bad email, unknown role, missing option', async () => {
    expect(
      await cli(
        'user:create',
        '--email',
        'a@example.com',
        '--password',
        'weak',
        '--first-name',
        'A',
        '--last-name',
        'B',
      ),
    ).toBe(1);
    expect(err.pop()).toMatch(/password/);
    expect(
      await cli(
        'user:create',
        '--email',
        'not-an-email',
        '--password',
        'S3cure!pass',
        '--first-name',
        'A',
        '--last-name',
        'B',
      ),
    ).toBe(1);
    expect(err.pop()).toMatch(/email/);
    expect(
      await cli(
        'user:create',
        '--email',
        'a@example.com',
        '--password',
        'S3cure!pass',
        '--role',
        'root',
        '--first-name',
        'A',
        '--last-name',
        'B',
      ),
    ).toBe(2);
    expect(err.pop()).toMatch(/--role must be one of customer, manager, admin/);
    expect(await cli('user:create', '--email', 'a@example.com', '--password', 'S3cure!pass')).toBe(2);
    expect(err.pop()).toMatch(/--first-name is required/);
    expect(await users()).toEqual([]);
  });

  it('prints the usage for an unknown command and exits 2', async () => {
    expect(await cli('frobnicate')).toBe(2);
    expect(err.join('\n')).toMatch(/usage: npm run cli/);
  });

  it('runs the worker until a signal and stops cleanly', async () => {
    expect(await cli('worker')).toBe(0);
  });
});
