import type { ApiRouter, ResponseSpec, RouteDefinition } from './api-router.js';
import { idempotencyHeaderDoc, idempotencyResponses } from './middleware/idempotency.js';
import { errorEnvelope } from './schemas/common.js';
import type { JsonSchema } from './validation.js';

/** OpenAPI 3.1 from the routers' route definitions: the same schemas ajv validates with. */
export function buildOpenApi(routers: readonly Pick<ApiRouter, 'basePath' | 'definitions'>[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const { basePath, definitions } of routers) {
    for (const route of definitions) {
      const path = basePath + route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
      paths[path] ??= {};
      paths[path][route.method] = operation(route);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'GigGatek API',
      version,
      description:
        'Refurbished hardware sold outright and on rent-to-own contracts. Money is integer cents (currency usd). ' +
        'Bodies are application/json; fields a schema does not list are ignored, never applied. Query integers are ' +
        'plain decimal digits. Names and free text refuse control characters and bidirectional overrides.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}

function operation(route: RouteDefinition<never, never>): object {
  const parameters = [
    ...pathParameters(route.path),
    ...queryParameters(route.query),
    ...[...(route.idempotent ? [idempotencyHeaderDoc] : []), ...(route.headers ?? [])].map((header) => ({
      in: 'header',
      required: false,
      ...header,
    })),
  ];
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[/:-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    ...(route.access.kind !== 'public' && { security: [{ bearer: [] }] }),
    ...(route.access.kind === 'permission' && { 'x-permission': route.access.permission }),
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && {
      requestBody: {
        required: hasRequiredFields(route.body),
        description: 'Fields the schema does not list are accepted and ignored, never applied.',
        content: { 'application/json': { schema: route.body } },
      },
    }),
    responses: Object.fromEntries(
      Object.entries(withIdempotency(route, { ...commonResponses(route), ...route.responses })).map(
        ([status, spec]) => [
          status,
          {
            description: spec.description,
            ...(spec.schema && { content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } } }),
          },
        ],
      ),
    ),
  };
}

/** An idempotent route's own 400 and 409 also name the facility's answers. */
function withIdempotency(
  route: RouteDefinition<never, never>,
  responses: Record<number, ResponseSpec>,
): Record<number, ResponseSpec> {
  if (!route.idempotent) return responses;
  const merged = { ...responses };
  for (const [status, spec] of Object.entries(idempotencyResponses)) {
    const own = merged[Number(status)];
    merged[Number(status)] = own ? { ...own, description: `${own.description}; ${spec.description}` } : spec;
  }
  return merged;
}

/** A body whose schema requires nothing may be left out. */
function hasRequiredFields(schema: JsonSchema): boolean {
  return Array.isArray(schema.required) && schema.required.length > 0;
}

/** The answers every route of its kind can give (the middleware's), so each need not list them. */
function commonResponses(route: RouteDefinition<never, never>): Record<number, ResponseSpec> {
  const error = (description: string): ResponseSpec => ({ description, schema: errorEnvelope });
  const responses: Record<number, ResponseSpec> = {
    429: error('Rate limited (see Retry-After)'),
    500: error('internal_error: an unexpected failure (logged with the request id; no internals are shown)'),
    503: error(
      'service_unavailable: the database is down; database_busy: it stayed locked by another process (see Retry-After)',
    ),
  };
  if (route.path.includes(':'))
    responses[404] = error('not_found: no such resource (or not yours), or an id that is not a positive integer');
  if (route.body || route.query)
    responses[400] = error('Invalid input: the message names the field, details lists each');
  if (route.access.kind !== 'public') responses[401] = error('Missing, invalid or expired access token');
  if (route.access.kind === 'permission') responses[403] = error('Your role may not do this');
  if (route.body) {
    responses[413] = error('Body over 1 MB');
    responses[415] = error('Content-Type is not application/json (a charset parameter is fine)');
  }
  return responses;
}

function pathParameters(path: string): object[] {
  return [...path.matchAll(/:([A-Za-z_]+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'integer', minimum: 1 },
  }));
}

function queryParameters(query: JsonSchema | undefined): object[] {
  const properties = (query?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
    ...(schema.type === 'array' && { style: 'form', explode: true }),
  }));
}
