import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../src/index.js';

// The admin app alone on an ephemeral port; its mount beside the API is app-http's test (admin-mount.test.ts).
describe('admin app', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createAdminApp({ version: 'test' }).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('serves the admin page as HTML with a strict CSP and its stylesheet from the same origin', async () => {
    const page = await fetch(`${url}/admin`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toContain('<h1>GigGatek Admin</h1>');
    expect(html).not.toContain('<style');
    const css = await fetch(`${url}/admin/assets/admin.css`);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(await css.text()).toContain('font-family');
  });
});
