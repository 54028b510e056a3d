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

/** A domain name as the API spells it: `shippingAddressId` → `shipping_address_id`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * A domain field path as the API spells it: `items[0].productId` → `items[0].product_id`.
 * Domain rules name their own fields; the error envelope speaks the wire format.
 */
export function wireField(path: string): string {
  return path.replace(/[A-Za-z][A-Za-z0-9]*/g, snakeCase);
}

/** Plain data (a DomainError's meta) with every object key in snake_case, at any depth. */
export function snakeKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeysDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [snakeCase(key), snakeKeysDeep(item)]));
  }
  return value;
}
