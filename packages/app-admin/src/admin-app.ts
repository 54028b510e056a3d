import { securityHeaders } from '@giggatek/adapters';
import { Router } from '@koa/router';
import { Eta } from 'eta';
import Koa from 'koa';
import { layout } from './views/layout.js';
import { placeholder } from './views/placeholder.js';
import { adminCss } from './views/admin-css.js';

export interface AdminOptions {
  version: string;
  /** Send Strict-Transport-Security (the shop is served over https). */
  hsts?: boolean;
}

/**
 * The staff admin under /admin. This first version is a placeholder page that proves the
 * mount; the real pages (SPEC §10) come with their own issue.
 */
export function createAdminApp(options: AdminOptions): Koa {
  const eta = new Eta({ autoEscape: true });
  eta.loadTemplate('@layout', layout);
  eta.loadTemplate('@placeholder', placeholder);

  const router = new Router({ prefix: '/admin' });
  router.get('/', (ctx) => {
    ctx.type = 'html';
    ctx.body = eta.render('@placeholder', { title: 'GigGatek Admin', version: options.version });
  });

  router.get('/assets/admin.css', (ctx) => {
    ctx.type = 'text/css';
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = adminCss;
  });

  const app = new Koa();
  app.use(securityHeaders({ hsts: options.hsts ?? false, contentSecurityPolicy: { defaultSrc: ["'self'"] } }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
