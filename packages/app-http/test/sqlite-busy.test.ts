import Database from 'better-sqlite3';
import { createContainer, disposeContainer, loadConfig, SQLITE_BUSY_WAIT_MS } from '@giggatek/adapters';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli-commands.js';
import { cliServices } from '../src/services.js';
import { STRONG_PASSWORD } from './support/accounts.js';
import {
  customerWithAddress,
  manager,
  orderCount,
  placeOrder,
  productWith,
  stockOf,
  type Customer,
} from './support/orders.js';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/**
 * Another process (the CLI, a worker) on the same SQLite file, played by a second
 * better-sqlite3 connection in this process: while it holds the write lock, the server
 * keeps serving reads, and a write waits a short while, then answers 503 database_busy.
 * Because the holder lives in this process, a server that blocked the event loop while
 * waiting would also keep the holder from ever letting go.
 */
describe('SQLite locked by another process', () => {
  let server: TestServer;
  let other: Database.Database;
  let customer: Customer;
  let productId: number;

  beforeEach(async () => {
    server = await startTestServer('sqlite', { sqliteFile: true });
    const staff = await manager(server);
    productId = await productWith(server, staff.token, { price: 10_000, stock: 5 });
    customer = await customerWithAddress(server);
    other = new Database(server.databaseUrl.slice('sqlite:'.length));
    other.pragma('busy_timeout = 0');
  });
  afterEach(async () => {
    other.close();
    await server.stop();
  });

  /** Takes the write lock with a write of its own; `release()` rolls it back. */
  function holdWriteLock(): { held: () => boolean; release: () => void } {
    other.exec('BEGIN IMMEDIATE');
    other.prepare('UPDATE products SET stock = 99 WHERE id = ?').run(productId);
    let held = true;
    return {
      held: () => held,
      release: () => {
        if (!held) return;
        other.exec('ROLLBACK');
        held = false;
      },
    };
  }

  it('keeps answering reads and answers writes 503 database_busy after a short wait, changing nothing', async () => {
    const lock = holdWriteLock();
    // Longer than the server's wait: the writes must give up while the lock is still held.
    const releaseTimer = setTimeout(lock.release, SQLITE_BUSY_WAIT_MS + 1_000);
    try {
      let writesAnswered = 0;
      const answered = (response: TestResponse) => {
        writesAnswered += 1;
        return response;
      };
      const order = placeOrder(server, customer, [{ product_id: productId, quantity: 1 }]).then(answered);
      const profile = server
        .request('PUT', '/api/auth/update-profile', { token: customer.token, body: { first_name: 'Grace' } })
        .then(answered);
      await new Promise((resolve) => setTimeout(resolve, 100));

      const health = await server.request('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.body.db).toBe('ok');
      expect(lock.held()).toBe(true);
      // The writes are still waiting for the lock, not refused at once.
      expect(writesAnswered).toBe(0);

      for (const refused of [await order, await profile]) {
        expect(refused.status).toBe(503);
        expect(refused.body).toEqual({
          error: expect.any(String),
          code: 'database_busy',
          request_id: expect.any(String),
        });
        expect(refused.headers.get('retry-after')).toBe('1');
      }
      expect(lock.held()).toBe(true);
    } finally {
      clearTimeout(releaseTimer);
      lock.release();
    }
    expect(await orderCount(server)).toBe(0);
    expect(await stockOf(server, productId)).toBe(5);
    const row = await server.db('users').where({ id: customer.userId }).first('first_name');
    expect(row.first_name).toBe('Test');
  });

  it('lets a write wait for a lock released within the wait, then places the order once', async () => {
    const lock = holdWriteLock();
    const releaseTimer = setTimeout(lock.release, 300);
    try {
      const placed = await placeOrder(server, customer, [{ product_id: productId, quantity: 2 }]);
      // It answered after the holder let go (a blocked event loop would not have let it).
      expect(lock.held()).toBe(false);
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    } finally {
      clearTimeout(releaseTimer);
      lock.release();
    }
    expect(await orderCount(server)).toBe(1);
    expect(await stockOf(server, productId)).toBe(3);
  });

  it('waits as well for a write outside a transaction (profile update), then applies it', async () => {
    const lock = holdWriteLock();
    const releaseTimer = setTimeout(lock.release, 300);
    try {
      const updated = await server.request('PUT', '/api/auth/update-profile', {
        token: customer.token,
        body: { first_name: 'Grace' },
      });
      expect(lock.held()).toBe(false);
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    } finally {
      clearTimeout(releaseTimer);
      lock.release();
    }
    const row = await server.db('users').where({ id: customer.userId }).first('first_name');
    expect(row.first_name).toBe('Grace');
  });

  it('lets npm run cli -- user:create run beside a server that is placing orders', async () => {
    // The CLI's own container: its own connection to the file, as in its own process.
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: server.databaseUrl,
      BCRYPT_COST: '4',
      LOG_LEVEL: 'silent',
    });
    const cli = createContainer(config);
    const err: string[] = [];
    try {
      const orders = Array.from({ length: 5 }, () =>
        placeOrder(server, customer, [{ product_id: productId, quantity: 1 }]),
      );
      const code = await runCli(
        [
          'user:create',
          '--email',
          'ops@example.com',
          '--password',
          STRONG_PASSWORD,
          '--role',
          'manager',
          '--first-name',
          'Ops',
          '--last-name',
          'Team',
        ],
        {
          services: cliServices(cli),
          config,
          out: () => undefined,
          err: (line) => err.push(line),
          untilSignal: async () => 'SIGTERM',
        },
      );
      expect(code, err.join('\n')).toBe(0);
      expect((await Promise.all(orders)).map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    } finally {
      await disposeContainer(cli);
    }
    const login = await server.request('POST', '/api/auth/login', {
      body: { email: 'ops@example.com', password: STRONG_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(await orderCount(server)).toBe(5);
    expect(await stockOf(server, productId)).toBe(0);
  });
});
