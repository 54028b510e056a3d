import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PHONE_MAX_LENGTH, ROLES } from '@giggatek/domain';
import type { JsonSchema } from '../validation.js';
import { text } from './common.js';

const email: JsonSchema = {
  type: 'string',
  minLength: 3,
  maxLength: EMAIL_MAX_LENGTH,
  description: 'Case-insensitive; stored lower-cased.',
};
// The password policy itself (8+ chars, classes, ≤ 72 bytes) lives in the domain, which
// names the exact rule; the schema only insists on a string of sane size.
const password: JsonSchema = { type: 'string', minLength: 1, maxLength: 1024 };
const phone: JsonSchema = { type: ['string', 'null'], maxLength: PHONE_MAX_LENGTH };

export const user: JsonSchema = {
  type: 'object',
  required: ['id', 'email', 'first_name', 'last_name', 'phone', 'role', 'email_verified'],
  properties: {
    id: { type: 'integer' },
    email: { type: 'string' },
    first_name: { type: 'string' },
    last_name: { type: 'string' },
    phone: { type: ['string', 'null'] },
    role: { type: 'string', enum: [...ROLES] },
    email_verified: { type: 'boolean' },
  },
};

export const registerBody: JsonSchema = {
  type: 'object',
  required: ['email', 'password', 'first_name', 'last_name'],
  properties: { email, password, first_name: text(NAME_MAX_LENGTH), last_name: text(NAME_MAX_LENGTH), phone },
};

export const loginBody: JsonSchema = {
  type: 'object',
  required: ['email', 'password'],
  properties: { email: { type: 'string', maxLength: EMAIL_MAX_LENGTH }, password },
};

export const refreshBody: JsonSchema = {
  type: 'object',
  properties: { refresh_token: { type: 'string', minLength: 1, maxLength: 512 } },
};

export const updateProfileBody: JsonSchema = {
  type: 'object',
  properties: { first_name: text(NAME_MAX_LENGTH), last_name: text(NAME_MAX_LENGTH), phone },
};

export const changePasswordBody: JsonSchema = {
  type: 'object',
  required: ['current_password', 'new_password'],
  properties: { current_password: password, new_password: password },
};

export const resetRequestBody: JsonSchema = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', maxLength: EMAIL_MAX_LENGTH } },
};

export const resetBody: JsonSchema = {
  type: 'object',
  required: ['token', 'new_password'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 512 }, new_password: password },
};

export const verifyEmailBody: JsonSchema = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 512 } },
};

export const session: JsonSchema = {
  type: 'object',
  required: ['message', 'token', 'refresh_token', 'expires_in', 'user'],
  properties: {
    message: { type: 'string' },
    token: { type: 'string', description: 'JWT access token (15 minutes).' },
    refresh_token: { type: 'string', description: 'Opaque refresh token (30 days, rotated on every use).' },
    expires_in: { type: 'integer', description: 'Access token lifetime in seconds.' },
    user,
  },
};

export const tokens: JsonSchema = {
  type: 'object',
  required: ['token', 'expires_in'],
  properties: {
    token: { type: 'string' },
    refresh_token: { type: 'string', description: 'Absent when the call was made with a bearer access token.' },
    expires_in: { type: 'integer' },
  },
};
