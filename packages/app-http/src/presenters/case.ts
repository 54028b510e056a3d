/**
 * Top-level snake_case keys → camelCase, for request bodies already validated against
 * a closed schema (so every key is a known field). Nested objects keep their keys:
 * specification names are data, not field names.
 */
export function camelKeys<T>(body: object): T {
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]),
  ) as T;
}
