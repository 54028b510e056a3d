import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../app-http/test/support/test-server.js';

// The admin is mounted under /admin on the API's port; its pages arrive with their own issue.
describe('admin mount', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the admin page as HTML with a strict CSP and its stylesheet from the same origin', async () => {
    const page = await fetch(`${server.url}/admin`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toContain('<h1>GigGatek Admin</h1>');
    expect(html).not.toContain('<style');
    const css = await fetch(`${server.url}/admin/assets/admin.css`);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(await css.text()).toContain('font-family');
  });

  it('redirects / to the admin and leaves /api to the API', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/admin');
    const api = await fetch(`${server.url}/administrator`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('not_found');
  });
});
