import { resolve, SqlOneTimeTokenRepository, TOKENS } from '@giggatek/adapters';
import type { Mailer, OneTimeToken, OutgoingEmail } from '@giggatek/domain';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, uniqueEmail } from './support/accounts.js';
import { SQL_ENGINES, startTestServer, type TestServer } from './support/test-server.js';

// SPEC §3: the reset request's answer never waits for the token write or the mail. Proven
// structurally: with a mailer and a token store that each take 2 s, the answer is immediate.
const SLOW_MS = 2_000;
const NEW_PASSWORD = 'Brand!N3wPass';
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

class SlowMailer implements Mailer {
  constructor(private readonly inner: Mailer) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    await sleep(SLOW_MS);
    return this.inner.send(email);
  }
}

class SlowTokenWrites extends SqlOneTimeTokenRepository {
  override async create(token: Omit<OneTimeToken, 'id' | 'usedAt'>): Promise<OneTimeToken> {
    await sleep(SLOW_MS);
    return super.create(token);
  }
}

// SQL only: its slow test double extends SqlOneTimeTokenRepository.
describe.each(SQL_ENGINES)('password reset request in the background (SQL: slow SQL token writes) (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, {
      configure(container) {
        const capturing = resolve(container, TOKENS.Mailer);
        container.rebind(TOKENS.Mailer).toConstantValue(new SlowMailer(capturing));
        container
          .rebind(TOKENS.OneTimeTokenRepository)
          .toResolvedValue((db: Knex) => new SlowTokenWrites(db), [TOKENS.Database]);
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const timedResetRequest = async (email: string) => {
    const started = performance.now();
    const response = await server.request('POST', '/api/auth/password-reset-request', { body: { email } });
    return { response, elapsedMs: performance.now() - started };
  };

  it('answers a known email at once with a 2 s mailer and token store; token and mail arrive afterwards', async () => {
    const email = uniqueEmail('slow');
    const user = await resolve(server.container, TOKENS.IdentityUseCases).createUser({
      email,
      password: STRONG_PASSWORD,
      firstName: 'Slow',
      lastName: 'Mail',
      role: 'customer',
    });
    const tokenRows = () => server.db('one_time_tokens').where({ user_id: user.id, purpose: 'password_reset' });

    // One request first, so the cold start (lazy singletons, compiled schemas) is not timed.
    await timedResetRequest(uniqueEmail('warm-up'));
    const known = await timedResetRequest(email);
    expect(known.response.status).toBe(200);
    expect(known.elapsedMs).toBeLessThan(200);
    const unknown = await timedResetRequest(uniqueEmail('ghost'));
    expect(unknown.response.body).toEqual(known.response.body);
    expect(unknown.elapsedMs).toBeLessThan(200);
    expect(await tokenRows()).toHaveLength(0);
    expect(server.mailer.lastTo(email)).toBeUndefined();

    await server.drain();
    expect(await tokenRows()).toHaveLength(1);
    const mail = server.mailer.lastTo(email, /reset/i);
    expect(mail?.text).toContain(
      `http://localhost:5000/account/reset-password?token=${server.mailer.tokenFor(email, /reset/i)}`,
    );
    const token = server.mailer.tokenFor(email, /reset/i);
    const page = await fetch(`${server.url}/account/reset-password?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`name="token" value="${token}"`);
    const reset = await server.request('POST', '/api/auth/password-reset', {
      body: { token, new_password: NEW_PASSWORD },
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    const login = await server.request('POST', '/api/auth/login', { body: { email, password: NEW_PASSWORD } });
    expect(login.status).toBe(200);
  });
});

describe('shutdown', () => {
  it('disposeContainer (SIGTERM) finishes the queued reset mails before closing the database', async () => {
    const server = await startTestServer('sqlite', {
      configure(container) {
        const capturing = resolve(container, TOKENS.Mailer);
        container.rebind(TOKENS.Mailer).toConstantValue(new SlowMailer(capturing));
      },
    });
    const email = uniqueEmail('shutdown');
    await resolve(server.container, TOKENS.IdentityUseCases).createUser({
      email,
      password: STRONG_PASSWORD,
      firstName: 'Last',
      lastName: 'Mail',
      role: 'customer',
    });
    const response = await server.request('POST', '/api/auth/password-reset-request', { body: { email } });
    expect(response.status).toBe(200);
    expect(server.mailer.lastTo(email)).toBeUndefined();
    await server.stop();
    expect(server.mailer.lastTo(email, /reset/i)).toBeDefined();
  });
});
