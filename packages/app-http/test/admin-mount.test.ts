import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

// The admin is mounted under /admin on the API's port (server.ts); the admin's own pages are app-admin's tests.
describe('admin mount', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends /admin to the admin app', async () => {
    const page = await fetch(`${server.url}/admin`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<h1>GigGatek Admin</h1>');
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
