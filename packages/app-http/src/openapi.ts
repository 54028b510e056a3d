import type { RouteDefinition } from './api-router.js';
import type { JsonSchema } from './validation.js';

/** OpenAPI 3.1 from the route definitions: the same schemas ajv validates with. */
export function buildOpenApi(definitions: readonly RouteDefinition<never, never>[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of definitions) {
    const path = '/api' + route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[path] ??= {};
    (paths[path] as Record<string, object>)[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'GigGatek API',
      version,
      description: 'Refurbished hardware sold outright and on rent-to-own contracts. Money is integer cents (currency usd).',
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
  ];
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[/:-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    ...(route.access.kind !== 'public' && { security: [{ bearer: [] }] }),
    ...(route.access.kind === 'permission' && { 'x-permission': route.access.permission }),
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, spec]) => [
        status,
        { description: spec.description, ...(spec.schema && { content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } } }) },
      ]),
    ),
  };
}

function pathParameters(path: string): object[] {
  return [...path.matchAll(/:([A-Za-z_]+)/g)].map((match) => ({
    name: match[1], in: 'path', required: true, schema: { type: 'integer', minimum: 1 },
  }));
}

function queryParameters(query: JsonSchema | undefined): object[] {
  const properties = (query?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, schema]) => ({
    name, in: 'query', required: false, schema,
    ...(schema.type === 'array' && { style: 'form', explode: true }),
  }));
}
