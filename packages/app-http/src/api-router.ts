import { Router } from '@koa/router';
import { can, type Actor, type Permission } from '@giggatek/domain';
import type { ParameterizedContext } from 'koa';
import type { ApiState } from './api-state.js';
import { HttpError } from './http-error.js';
import { idempotent, type IdempotencyDeps } from './middleware/idempotency.js';
import { validateBody, validateQuery, type JsonSchema } from './validation.js';

export type ApiContext = ParameterizedContext<ApiState>;

/** Who may call a route: anyone, any signed-in user, or a signed-in user holding a permission. */
export type Access = { kind: 'public' } | { kind: 'user' } | { kind: 'permission'; permission: Permission };

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: Access = { kind: 'user' };
export const needs = (permission: Permission): Access => ({ kind: 'permission', permission });

export interface ResponseSpec {
  description: string;
  schema?: JsonSchema;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface RouteInput<B, Q> {
  body: B;
  query: Q;
  /** Path parameters named `id` or ending in `_id`/`Id` are parsed as positive integers. */
  params: Record<string, number>;
  /** The authenticated actor; present whenever access is not public. */
  actor: Actor;
}

export interface RouteDefinition<B = unknown, Q = unknown> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Relative to the router's base path (/api), in @koa/router syntax: `/products/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: JsonSchema;
  query?: JsonSchema;
  /**
   * A POST made safe to retry with an Idempotency-Key header (middleware/idempotency.ts):
   * the handler's writes must all go through repositories of the unit of work's store.
   * Also documents the header and its answers in OpenAPI.
   */
  idempotent?: true;
  /** Request headers the route reads, for the OpenAPI document. */
  headers?: { name: string; description: string; schema: JsonSchema }[];
  responses: Record<number, ResponseSpec>;
  /** Middleware run before authentication and validation (a route's own rate limit); replaces the default. */
  before?: ((ctx: ApiContext, next: () => Promise<unknown>) => Promise<unknown>)[];
  handle: (ctx: ApiContext, input: RouteInput<B, Q>) => Promise<void>;
}

export type Authenticate = (ctx: ApiContext) => Promise<Actor>;

/**
 * A @koa/router that also keeps each route's schemas, so one definition both validates
 * requests and describes the route in /api/openapi.json.
 */
export class ApiRouter {
  readonly router = new Router<ApiState>();
  readonly definitions: RouteDefinition<never, never>[] = [];

  constructor(
    private readonly authenticate: Authenticate,
    /** Run before routes that bring no `before` of their own (the general rate limit). */
    private readonly defaultBefore: NonNullable<RouteDefinition['before']> = [],
    /** What idempotent routes need; a router without it refuses them. */
    private readonly idempotency?: IdempotencyDeps,
    /** Where its routes live: /api, or '' for the seed's PHP paths kept as aliases (SPEC §6). */
    readonly basePath = '/api',
  ) {
    if (basePath !== '') this.router.prefix(basePath);
  }

  add<B, Q>(definition: RouteDefinition<B, Q>): void {
    this.definitions.push(definition);
    const handle = definition.idempotent
      ? idempotent(this.idempotencyFor(definition), definition.handle)
      : definition.handle;
    const run = async (ctx: ApiContext): Promise<void> => {
      const actor = definition.access.kind === 'public' ? ANONYMOUS : await this.authorize(ctx, definition.access);
      const params = parseIdParams(ctx.params as Record<string, string>);
      const query = definition.query ? validateQuery<Q>(definition.query, ctx.query) : ({} as Q);
      const body = definition.body ? validateBody<B>(definition.body, ctx.state.body) : ({} as B);
      await handle(ctx, { body, query, params, actor });
    };
    this.router[definition.method](definition.path, ...(definition.before ?? this.defaultBefore), run);
  }

  private idempotencyFor(definition: Pick<RouteDefinition, 'method' | 'path' | 'access'>): IdempotencyDeps {
    if (definition.method !== 'post' || definition.access.kind === 'public') {
      throw new Error(`${definition.method} ${definition.path}: only signed-in POST routes can be idempotent`);
    }
    if (!this.idempotency) throw new Error(`${definition.path}: this router has no idempotency store`);
    return this.idempotency;
  }

  private async authorize(ctx: ApiContext, access: Access): Promise<Actor> {
    const actor = await this.authenticate(ctx);
    ctx.state.actor = actor;
    if (access.kind === 'permission' && !can(actor.role, access.permission)) {
      throw new HttpError(403, 'forbidden', `your role (${actor.role}) may not do this`);
    }
    return actor;
  }
}

/** Public routes get no actor; this placeholder is never used to authorise anything. */
const ANONYMOUS: Actor = Object.freeze({ userId: 0, role: 'customer' as const });

function parseIdParams(raw: Record<string, string>): Record<string, number> {
  const parsed: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!/^[1-9]\d{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new HttpError(404, 'not_found', `${name} must be a positive integer id`);
    }
    parsed[name] = Number(value);
  }
  return parsed;
}
