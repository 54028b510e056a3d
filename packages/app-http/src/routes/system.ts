import type { ApiRouter } from '../api-router.js';
import { PUBLIC } from '../api-router.js';
import type { ApiServices } from '../api-services.js';
import { buildOpenApi } from '../openapi.js';

/** `documented`: every router whose routes /api/openapi.json describes (this one included). */
export function systemRoutes(api: ApiRouter, services: ApiServices, documented: readonly ApiRouter[] = [api]): void {
  api.add({
    method: 'get',
    path: '/health',
    tag: 'system',
    access: PUBLIC,
    summary: 'Liveness and database reachability (503 when the database is down)',
    responses: {
      200: { description: 'Healthy', schema: health },
      503: { description: 'Database unreachable', schema: health },
    },
    async handle(ctx) {
      const db = await services.checkDatabase().catch(() => false);
      ctx.status = db ? 200 : 503;
      ctx.body = { status: db ? 'ok' : 'degraded', db: db ? 'ok' : 'unreachable', version: services.version };
    },
  });

  let document: object | undefined;
  api.add({
    method: 'get',
    path: '/openapi.json',
    tag: 'system',
    access: PUBLIC,
    summary: 'This API described as OpenAPI 3.1, generated from the schemas that validate requests',
    responses: { 200: { description: 'The OpenAPI document' } },
    async handle(ctx) {
      document ??= buildOpenApi(documented, services.version);
      ctx.body = document;
    },
  });
}

const health = {
  type: 'object',
  required: ['status', 'db', 'version'],
  properties: { status: { type: 'string' }, db: { type: 'string' }, version: { type: 'string' } },
};
