import { normalizeEmail } from '@giggatek/domain';
import type { ApiRouter, ApiContext } from '../api-router.js';
import { PUBLIC, SIGNED_IN } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { HttpError } from '../http-error.js';
import { bearerToken } from '../middleware/bearer-token.js';
import { charge, rateLimit } from '../middleware/rate-limit.js';
import { camelKeys } from '../presenters/case.js';
import { presentUser } from '../presenters/user.js';
import * as schema from '../schemas/auth.js';
import { errorEnvelope, message, wrapped } from '../schemas/common.js';

const RESET_REQUESTED = 'If an account exists for that email, a password reset link has been sent.';

function client(ctx: ApiContext) {
  return { ip: ctx.ip || null, userAgent: ctx.get('User-Agent').slice(0, 255) || null };
}

const badRequest = { description: 'Invalid input', schema: errorEnvelope };
const unauthorized = { description: 'Missing, invalid or expired token', schema: errorEnvelope };
const tooMany = { description: 'Rate limited', schema: errorEnvelope };

export function authRoutes(api: ApiRouter, services: ApiServices): void {
  const { identity, limiters } = services;

  api.add<{ email: string; password: string; first_name: string; last_name: string; phone?: string | null }, unknown>({
    method: 'post',
    path: '/auth/register',
    tag: 'auth',
    access: PUBLIC,
    summary: 'Create a customer account and sign in',
    body: schema.registerBody,
    before: [rateLimit(limiters.register)],
    responses: {
      201: { description: 'Registered', schema: schema.session },
      400: badRequest,
      409: { description: 'Email taken', schema: errorEnvelope },
      429: tooMany,
    },
    async handle(ctx, { body }) {
      const result = await identity.register(camelKeys(body), client(ctx));
      ctx.status = 201;
      ctx.body = { message: 'Registration successful', ...tokens(result), user: presentUser(result.user) };
    },
  });

  api.add<{ email: string; password: string }, unknown>({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    access: PUBLIC,
    summary: 'Sign in with email and password',
    body: schema.loginBody,
    // The general per-IP budget applies too (no spraying one password over many emails);
    // failures are also counted per IP + email, and a successful login resets those (SPEC §3).
    before: [rateLimit(limiters.general)],
    responses: {
      200: { description: 'Signed in', schema: schema.session },
      401: { description: 'Invalid email or password', schema: errorEnvelope },
      429: tooMany,
    },
    async handle(ctx, { body }) {
      const key = `${ctx.ip}|${normalizeEmail(body.email)}`;
      await charge(ctx, limiters.login, key);
      const result = await identity.login(body, client(ctx));
      await limiters.login.reset(key);
      ctx.body = { message: 'Login successful', ...tokens(result), user: presentUser(result.user) };
    },
  });

  api.add<{ refresh_token?: string }, unknown>({
    method: 'post',
    path: '/auth/refresh-token',
    tag: 'auth',
    access: PUBLIC,
    summary: 'Exchange a refresh token (rotated) or a live bearer access token for a new access token',
    body: schema.refreshBody,
    responses: { 200: { description: 'New tokens', schema: schema.tokens }, 401: unauthorized },
    async handle(ctx, { body }) {
      if (body.refresh_token) {
        const pair = await identity.refresh(body.refresh_token);
        ctx.body = { token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: pair.expiresIn };
        return;
      }
      const bearer = bearerToken(ctx);
      if (!bearer) throw new HttpError(401, 'missing_token', 'a refresh_token (or a bearer access token) is required');
      const access = await identity.refreshWithAccessToken(bearer);
      ctx.body = { token: access.accessToken, expires_in: access.expiresIn };
    },
  });

  api.add({
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    access: SIGNED_IN,
    summary: 'Sign out: revokes the session and its refresh tokens',
    body: schema.refreshBody,
    responses: { 200: { description: 'Signed out', schema: message }, 401: unauthorized },
    async handle(ctx, { actor }) {
      await identity.logout(actor);
      ctx.body = { message: 'Logged out' };
    },
  });

  api.add({
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    access: SIGNED_IN,
    summary: 'The signed-in user',
    responses: { 200: { description: 'The user', schema: wrapped('user', schema.user) }, 401: unauthorized },
    async handle(ctx, { actor }) {
      ctx.body = { user: presentUser(await identity.me(actor)) };
    },
  });

  api.add<{ first_name?: string; last_name?: string; phone?: string | null }, unknown>({
    method: 'put',
    path: '/auth/update-profile',
    tag: 'auth',
    access: SIGNED_IN,
    summary: 'Change first name, last name or phone (other fields are ignored)',
    body: schema.updateProfileBody,
    responses: {
      200: { description: 'The user', schema: wrapped('user', schema.user) },
      400: badRequest,
      401: unauthorized,
    },
    async handle(ctx, { body, actor }) {
      ctx.body = { user: presentUser(await identity.updateProfile(actor, camelKeys(body))) };
    },
  });

  api.add<{ current_password: string; new_password: string }, unknown>({
    method: 'put',
    path: '/auth/change-password',
    tag: 'auth',
    access: SIGNED_IN,
    summary: "Change the password; the user's other sessions are revoked",
    body: schema.changePasswordBody,
    responses: { 200: { description: 'Changed', schema: message }, 400: badRequest, 401: unauthorized },
    async handle(ctx, { body, actor }) {
      await identity.changePassword(actor, camelKeys(body));
      ctx.body = { message: 'Password changed' };
    },
  });

  api.add<{ email: string }, unknown>({
    method: 'post',
    path: '/auth/password-reset-request',
    tag: 'auth',
    access: PUBLIC,
    summary: 'Email a password reset link (always the same answer)',
    body: schema.resetRequestBody,
    before: [rateLimit(limiters.passwordReset)],
    responses: { 200: { description: 'Always', schema: message }, 429: tooMany },
    async handle(ctx, { body }) {
      await identity.requestPasswordReset(body.email);
      ctx.body = { message: RESET_REQUESTED };
    },
  });

  api.add<{ token: string; new_password: string }, unknown>({
    method: 'post',
    path: '/auth/password-reset',
    tag: 'auth',
    access: PUBLIC,
    summary: "Set a new password with a reset token; revokes all the user's sessions",
    body: schema.resetBody,
    before: [rateLimit(limiters.passwordReset)],
    responses: {
      200: { description: 'Password reset', schema: message },
      400: badRequest,
      401: unauthorized,
      429: tooMany,
    },
    async handle(ctx, { body }) {
      await identity.resetPassword({ token: body.token, newPassword: body.new_password });
      ctx.body = { message: 'Password has been reset; please sign in again' };
    },
  });

  api.add<{ token: string }, unknown>({
    method: 'post',
    path: '/auth/verify-email',
    tag: 'auth',
    access: PUBLIC,
    summary: 'Confirm the email address with the token that was mailed',
    body: schema.verifyEmailBody,
    responses: { 200: { description: 'Verified', schema: message }, 401: unauthorized },
    async handle(ctx, { body }) {
      await identity.verifyEmail(body.token);
      ctx.body = { message: 'Email verified' };
    },
  });
}

function tokens(result: { accessToken: string; refreshToken: string; expiresIn: number }) {
  return { token: result.accessToken, refresh_token: result.refreshToken, expires_in: result.expiresIn };
}
