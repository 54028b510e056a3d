import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, STRONG_PASSWORD } from './support/accounts.js';
import { storedOneTimeToken, storedUser } from './support/stored.js';
import { ENGINES, startTestServer, type TestServer } from './support/test-server.js';

const RESET_MAIL = /reset/i;
const VERIFY_MAIL = /confirm your email/i;
const NEW_PASSWORD = 'Brand!N3wPass';
const DEFAULT_PUBLIC_URL = 'http://localhost:5000';

interface Page {
  status: number;
  html: string;
  headers: Headers;
}

/** The value of a hidden field of the page's form. */
function hiddenField(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
}

/** The first http(s) link of a mail's text part that goes to `path`. */
function linkIn(text: string, path: string): URL {
  const match = new RegExp(`https?://\\S+${path}\\S*`).exec(text);
  if (!match) throw new Error(`no link to ${path} in:\n${text}`);
  return new URL(match[0]);
}

describe.each(ENGINES)('account pages the email links open (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Opens a mailed link on the test server (same path and query, our host). */
  async function open(link: URL): Promise<Page & { cookie: string }> {
    const response = await fetch(server.url + link.pathname + link.search);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('account_csrf='));
    return {
      status: response.status,
      html: await response.text(),
      headers: response.headers,
      cookie: cookie?.split(';')[0] ?? '',
    };
  }

  async function post(link: URL, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(server.url + link.pathname + link.search, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  async function mailedResetLink(email: string): Promise<URL> {
    await server.request('POST', '/api/auth/password-reset-request', { body: { email } });
    await server.drain();
    return linkIn(server.mailer.lastTo(email, RESET_MAIL)!.text, '/account/reset-password');
  }

  const login = (email: string, password: string) =>
    server.request('POST', '/api/auth/login', { body: { email, password } });

  it('the emailed reset link opens a form; posting it with the CSRF cookie and field resets the password', async () => {
    const account = await registerCustomer(server);
    const link = await mailedResetLink(account.email);
    expect(link.origin).toBe(DEFAULT_PUBLIC_URL);

    const page = await open(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toContain('<form method="post">');
    expect(page.html).toContain('name="new_password" type="password"');
    expect(page.html).toContain('name="confirm_password" type="password"');
    expect(page.html).toMatch(/at least 8 characters/);
    expect(hiddenField(page.html, 'token')).toBe(link.searchParams.get('token'));
    const csrf = hiddenField(page.html, 'csrf');
    expect(page.cookie).toBe(`account_csrf=${csrf}`);
    const setCookie = page.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.html).not.toContain('<script');
    const css = await fetch(`${server.url}/account/assets/account.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);

    const done = await post(
      link,
      {
        csrf: csrf!,
        token: hiddenField(page.html, 'token')!,
        new_password: NEW_PASSWORD,
        confirm_password: NEW_PASSWORD,
      },
      { Cookie: page.cookie, Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
    );
    expect(done.status, done.html).toBe(200);
    expect(done.html).toMatch(/Your password has been changed/);
    expect(done.html).not.toContain(NEW_PASSWORD);
    expect((await login(account.email, STRONG_PASSWORD)).status).toBe(401);
    expect((await login(account.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses (403) a post without the CSRF cookie, with a wrong token or from another site; no change', async () => {
    const account = await registerCustomer(server);
    const link = await mailedResetLink(account.email);
    const page = await open(link);
    const csrf = hiddenField(page.html, 'csrf')!;
    const token = link.searchParams.get('token')!;
    const fields = { csrf, token, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD };
    const otherToken = `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}`;

    const refused = [
      await post(link, fields),
      await post(link, { ...fields, csrf: otherToken }, { Cookie: page.cookie }),
      await post(link, { ...fields, csrf: '' }, { Cookie: page.cookie }),
      await post(link, fields, { Cookie: page.cookie, Origin: 'https://evil.example' }),
      await post(link, fields, { Cookie: page.cookie, 'Sec-Fetch-Site': 'cross-site' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(response.html).toMatch(/must be sent from its own page/);
    }
    expect((await login(account.email, STRONG_PASSWORD)).status).toBe(200);
    expect(await storedOneTimeToken(server, 'password_reset', token)).toMatchObject({
      userId: account.userId,
      usedAt: null,
    });

    // The same token still works from its own page (Origin: null is what no-referrer pages send).
    const done = await post(link, fields, { Cookie: page.cookie, Origin: 'null' });
    expect(done.status, done.html).toBe(200);
  });

  it('shows errors by the form: mismatch and weak password keep the token usable; a bad token says so', async () => {
    const account = await registerCustomer(server);
    const link = await mailedResetLink(account.email);
    const page = await open(link);
    const csrf = hiddenField(page.html, 'csrf')!;
    const token = link.searchParams.get('token')!;
    const send = (fields: Record<string, string>) => post(link, { csrf, token, ...fields }, { Cookie: page.cookie });

    const mismatch = await send({ new_password: NEW_PASSWORD, confirm_password: `${NEW_PASSWORD}x` });
    expect(mismatch.status).toBe(400);
    expect(mismatch.html).toMatch(/The two passwords differ/);
    expect(hiddenField(mismatch.html, 'token')).toBe(token);
    expect(mismatch.html).not.toContain(NEW_PASSWORD);

    const weak = await send({ new_password: 'weakweak', confirm_password: 'weakweak' });
    expect(weak.status).toBe(400);
    expect(weak.html).toMatch(/The password must be at least 8 characters with an upper-case letter/);
    expect(weak.html).not.toContain('weakweak');
    expect(hiddenField(weak.html, 'csrf')).toBe(csrf);

    const bad = await post(
      link,
      { csrf, token: 'not-a-real-token', new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD },
      { Cookie: page.cookie },
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/This reset link is invalid, has expired or was already used/);
    expect(bad.html).not.toContain('<form');
    expect((await login(account.email, STRONG_PASSWORD)).status).toBe(200);

    expect((await send({ new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD })).status).toBe(200);
    const reused = await send({ new_password: 'Th1rd!Password', confirm_password: 'Th1rd!Password' });
    expect(reused.html).toMatch(/already used/);
    expect((await login(account.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('escapes what the URL brings into the page', async () => {
    const page = await open(
      new URL(`${DEFAULT_PUBLIC_URL}/account/reset-password?token=${encodeURIComponent('"><script>x</script>')}`),
    );
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<script>');
    expect(hiddenField(page.html, 'token')).toBe('&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
    const missing = await open(new URL(`${DEFAULT_PUBLIC_URL}/account/reset-password`));
    expect(missing.status).toBe(400);
    expect(missing.html).toMatch(/missing its token/);
  });

  it('the verification link opens a page whose button sets email_verified_at; a GET changes nothing', async () => {
    const account = await registerCustomer(server);
    const link = linkIn(server.mailer.lastTo(account.email, VERIFY_MAIL)!.text, '/account/verify-email');
    expect(link.origin).toBe(DEFAULT_PUBLIC_URL);
    const verifiedAt = async () => (await storedUser(server, account.userId)).emailVerifiedAt;

    const page = await open(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<form method="post">');
    expect(await verifiedAt()).toBeNull();
    const fields = { csrf: hiddenField(page.html, 'csrf')!, token: hiddenField(page.html, 'token')! };

    expect((await post(link, fields)).status).toBe(403);
    expect(await verifiedAt()).toBeNull();

    const done = await post(link, fields, { Cookie: page.cookie, 'Sec-Fetch-Site': 'same-origin' });
    expect(done.status, done.html).toBe(200);
    expect(done.html).toMatch(/your email address is confirmed/);
    expect(await verifiedAt()).not.toBeNull();

    const again = await post(link, fields, { Cookie: page.cookie });
    expect(again.status).toBe(400);
    expect(again.html).toMatch(/This confirmation link is invalid, has expired or was already used/);
  });
});

describe('account pages: RESET_URL and VERIFY_URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      env: { RESET_URL: 'https://front.example/reset/{token}', VERIFY_URL: 'https://front.example/verify?t={token}' },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("point the links in the emails at the shop's own front end", async () => {
    const account = await registerCustomer(server);
    expect(server.mailer.lastTo(account.email, VERIFY_MAIL)!.text).toMatch(
      /https:\/\/front\.example\/verify\?t=[A-Za-z0-9_-]{43}\n/,
    );
    await server.request('POST', '/api/auth/password-reset-request', { body: { email: account.email } });
    await server.drain();
    const text = server.mailer.lastTo(account.email, RESET_MAIL)!.text;
    expect(text).toMatch(/https:\/\/front\.example\/reset\/[A-Za-z0-9_-]{43}\n/);
    expect(text).not.toContain('/account/reset-password');
  });
});

describe('account pages: rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      rateLimits: {
        general: { points: 100, durationSeconds: 60 },
        login: { points: 100, durationSeconds: 60 },
        register: { points: 100, durationSeconds: 60 },
        passwordReset: { points: 3, durationSeconds: 300 },
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the reset form posts share the API reset budget: the 4th is a 429 page with Retry-After', async () => {
    const post = () =>
      fetch(`${server.url}/account/reset-password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'token=x',
      });
    expect(
      (await server.request('POST', '/api/auth/password-reset', { body: { token: 'x', new_password: NEW_PASSWORD } }))
        .status,
    ).toBe(401);
    for (let n = 2; n <= 3; n += 1) expect((await post()).status).toBe(403);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    expect(await limited.text()).toMatch(/too many requests/);
  });
});
