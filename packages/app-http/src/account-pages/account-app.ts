import { Router } from '@koa/router';
import { DomainError } from '@giggatek/domain';
import type { IdentityUseCases } from '@giggatek/domain';
import { isHttpsUrl, securityHeaders, type RateLimiters } from '@giggatek/adapters';
import { Eta } from 'eta';
import Koa, { type Context } from 'koa';
import type { Logger } from 'pino';
import { HttpError } from '../http-error.js';
import { charge } from '../middleware/rate-limit.js';
import { isCrossSite, issueCsrfToken, matchingCsrfToken } from './csrf.js';
import { readForm } from './form-body.js';
import { accountCss, layout, messagePage, resetPasswordPage, verifyEmailPage } from './views.js';

export interface AccountPagesOptions {
  identity: IdentityUseCases;
  limiters: RateLimiters;
  /** PUBLIC_URL: its origin may post the forms, and the pages link back to it. */
  publicUrl: string;
  logger: Logger;
  trustProxy: boolean;
}

const MISSING_TOKEN = 'This link is missing its token. Open the link from the email again.';
const INVALID_RESET = 'This reset link is invalid, has expired or was already used. Ask for a new one.';
const INVALID_VERIFY = 'This confirmation link is invalid, has expired or was already used.';
const PASSWORD_CHANGED = 'Your password has been changed. Every device was signed out: sign in again with it.';
const CROSS_SITE = 'This form must be sent from its own page. Open the link from the email again.';

/**
 * The pages the links in emails open (SPEC §3), so a shop without a front end of its own
 * works end to end: small server-rendered forms over the same use cases as the API.
 */
export function createAccountApp(options: AccountPagesOptions): Koa {
  const eta = new Eta({ autoEscape: true });
  eta.loadTemplate('@layout', layout);
  eta.loadTemplate('@reset', resetPasswordPage);
  eta.loadTemplate('@verify', verifyEmailPage);
  eta.loadTemplate('@message', messagePage);
  const shopUrl = options.publicUrl;
  const secureCookie = isHttpsUrl(shopUrl);
  const allowedOrigins = [new URL(shopUrl).origin];
  const { identity, limiters } = options;

  const render = (ctx: Context, status: number, template: string, data: object): void => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = eta.render(template, { shopUrl, ...data });
  };
  const message = (ctx: Context, status: number, title: string, text: string, success = false): void =>
    render(ctx, status, '@message', { title, message: text, success });

  /** The CSRF token of a POST, after the rate limit and the same-site checks; 403 otherwise. */
  const checkedPost = async (ctx: Context): Promise<{ form: Record<string, string>; csrf: string }> => {
    await charge(ctx, limiters.passwordReset, ctx.ip);
    const form = await readForm(ctx);
    const ownOrigin = `${ctx.protocol}://${ctx.host}`;
    const csrf = isCrossSite(ctx, [...allowedOrigins, ownOrigin]) ? null : matchingCsrfToken(ctx, form.csrf);
    if (!csrf) throw new HttpError(403, 'csrf_failed', CROSS_SITE);
    return { form, csrf };
  };

  const router = new Router({ prefix: '/account' });

  router.get('/reset-password', async (ctx) => {
    await charge(ctx, limiters.general, ctx.ip);
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const csrf = issueCsrfToken(ctx, secureCookie);
    if (token === '') return render(ctx, 400, '@reset', { error: MISSING_TOKEN, showForm: false, fieldErrors: {} });
    render(ctx, 200, '@reset', { token, csrf, showForm: true, fieldErrors: {} });
  });

  router.post('/reset-password', async (ctx) => {
    const { form, csrf } = await checkedPost(ctx);
    const token = form.token ?? '';
    const newPassword = form.new_password ?? '';
    const again = (fieldErrors: Record<string, string>, error = 'The password was not changed.') =>
      render(ctx, 400, '@reset', { error, fieldErrors, token, csrf, showForm: true });
    if (newPassword !== (form.confirm_password ?? '')) return again({ confirm_password: 'The two passwords differ.' });
    try {
      await identity.resetPassword({ token, newPassword });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'invalid_token') {
        return render(ctx, 400, '@reset', { error: INVALID_RESET, showForm: false, fieldErrors: {} });
      }
      if (error.code !== 'validation_failed') throw error;
      const problem = error.details?.find((detail) => detail.field === 'new_password');
      return again({ new_password: `The password ${problem?.message ?? 'is not acceptable'}.` });
    }
    message(ctx, 200, 'Password changed', PASSWORD_CHANGED, true);
  });

  router.get('/verify-email', async (ctx) => {
    await charge(ctx, limiters.general, ctx.ip);
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const csrf = issueCsrfToken(ctx, secureCookie);
    // A GET changes nothing (mail scanners open links): the button posts the token.
    if (token === '') return render(ctx, 400, '@verify', { error: MISSING_TOKEN, showForm: false });
    render(ctx, 200, '@verify', { token, csrf, showForm: true });
  });

  router.post('/verify-email', async (ctx) => {
    const { form } = await checkedPost(ctx);
    try {
      await identity.verifyEmail(form.token ?? '');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_token') {
        return render(ctx, 400, '@verify', { error: INVALID_VERIFY, showForm: false });
      }
      throw error;
    }
    message(ctx, 200, 'Email address confirmed', 'Thank you: your email address is confirmed.', true);
  });

  router.get('/assets/account.css', (ctx) => {
    ctx.type = 'text/css';
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = accountCss;
  });

  const app = new Koa({ proxy: options.trustProxy, maxIpsCount: 1 });
  app.silent = true;
  // No Referer ever (the token is in the page's URL); no scripts; styles and forms of our own only.
  app.use(
    securityHeaders({
      hsts: secureCookie,
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'self'"], formAction: ["'self'"] },
    }),
  );
  app.use(async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store');
    try {
      await next();
    } catch (error) {
      if (error instanceof HttpError) {
        ctx.set(error.headers);
        return message(ctx, error.status, error.status === 429 ? 'Too many attempts' : 'Not sent', error.message);
      }
      options.logger.error({ err: error, path: ctx.path }, 'account page failed');
      return message(ctx, 500, 'Something went wrong', 'Something went wrong on our side. Please try again later.');
    }
    if (ctx.status === 404 && ctx.body === undefined) message(ctx, 404, 'Not found', 'There is no such page.');
  });
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
