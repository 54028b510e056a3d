import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import {
  createContainer,
  DEFAULT_RATE_LIMITS,
  disposeContainer,
  loadConfig,
  resolve,
  TOKENS,
  type RateLimitSettings,
  type Storage,
} from '@giggatek/adapters';
import { FixedClock } from '@giggatek/domain';
import type { Container } from 'inversify';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createHttpServer, listen } from '../../src/server.js';
import { apiServices } from '../../src/services.js';
import { createLogger } from '../../src/logger.js';
import { createFreshMysqlDatabase } from '../../../adapters/test/support/mysql.js';
import { CapturingMailer } from './capturing-mailer.js';

export type Engine = 'memory' | 'sqlite' | 'mysql';
export type SqlEngine = Exclude<Engine, 'memory'>;

/** The SQL engines: SQLite always, MySQL when MYSQL_URL is set. For suites that need SQL itself. */
export const SQL_ENGINES: SqlEngine[] = process.env.MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
/** The engines the HTTP suites run on: the memory container, then the SQL engines. */
export const ENGINES: Engine[] = ['memory', ...SQL_ENGINES];

export interface TestServer {
  url: string;
  /** The DATABASE_URL the server runs on. */
  databaseUrl: string;
  /** The knex instance, SQL engines only (it throws on memory): check state through `storage` where you can. */
  db: Knex;
  /** The repositories the server runs on, on every engine: state checks through the ports. */
  storage: Storage;
  clock: FixedClock;
  mailer: CapturingMailer;
  container: Container;
  /** fetch + JSON: `{ status, body, headers }`. */
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** Waits for the queued background tasks (a reset request's token and mail). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  // Response bodies are whatever JSON the API sent; tests assert on their shape.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

/** Rate limits high enough never to interfere, unless a test asks for the real ones. */
export const RELAXED_LIMITS: RateLimitSettings = {
  general: { points: 100_000, durationSeconds: 60 },
  login: { points: 100_000, durationSeconds: 60 },
  register: { points: 100_000, durationSeconds: 60 },
  passwordReset: { points: 100_000, durationSeconds: 60 },
};

/**
 * The real server (API + admin) on an ephemeral port, over a fresh database of the given
 * engine, with a FixedClock and a capturing mailer.
 */
export async function startTestServer(
  engine: Engine,
  options: {
    rateLimits?: RateLimitSettings;
    redis?: boolean;
    env?: Record<string, string>;
    logger?: Logger;
    /** Swaps bindings (slow test doubles) before anything is resolved from the container. */
    configure?: (container: Container) => void;
    /** SQLite in a temporary file (see `databaseUrl`) rather than in memory, so a second connection can open it. */
    sqliteFile?: boolean;
  } = {},
): Promise<TestServer> {
  let dropDatabase = async (): Promise<void> => {};
  let databaseUrl = 'sqlite::memory:';
  if (engine === 'sqlite' && options.sqliteFile) {
    const folder = mkdtempSync(join(tmpdir(), 'giggatek-test-'));
    databaseUrl = `sqlite:${join(folder, 'test.db')}`;
    dropDatabase = async () => rmSync(folder, { recursive: true, force: true });
  }
  if (engine === 'mysql') {
    // fresh.knex stays open: drop() needs it to DROP the database after the run.
    const fresh = await createFreshMysqlDatabase(process.env.MYSQL_URL as string);
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      BCRYPT_COST: '4',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      ...(options.redis && process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      ...options.env,
    }),
    rateLimits: options.rateLimits ?? RELAXED_LIMITS,
  };
  const clock = new FixedClock(new Date());
  const mailer = new CapturingMailer();
  const container = createContainer(config, { clock, mailer, storage: engine === 'memory' ? 'memory' : 'sql' });
  options.configure?.(container);
  const storage = resolve(container, TOKENS.Storage);
  await storage.migrate();
  const server: Server = createHttpServer(apiServices(container), {
    logger: options.logger ?? createLogger('silent'),
    trustProxy: config.trustProxy,
  });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    databaseUrl,
    storage,
    clock,
    mailer,
    container,
    get db(): Knex {
      if (engine === 'memory')
        throw new Error('server.db is SQL only: this suite runs on memory, check state through server.storage');
      return resolve(container, TOKENS.Database);
    },
    async request(method, path, { body, token, headers = {} } = {}) {
      const response = await fetch(url + path, {
        method,
        headers: {
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
          ...(token && { Authorization: `Bearer ${token}` }),
          ...headers,
        },
        ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (HTML, PDF): keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    drain() {
      return resolve(container, TOKENS.BackgroundTasks).drain();
    },
    async stop() {
      await new Promise<void>((done) => server.close(() => done()));
      await disposeContainer(container);
      await dropDatabase();
    },
  };
}

export { DEFAULT_RATE_LIMITS };
