/**
 * Stripe's form encoding, as the SDK sends it: `metadata[order_id]=7`,
 * `created[gte]=1767225600`, `allowed_payment_method_types[0]=card`.
 */
export interface Form {
  [key: string]: string | Form;
}

export function parseForm(encoded: string): Form {
  const form: Form = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    // "a[b][c]" → ["a", "b", "c"]
    const path = key.replace(/\]/g, '').split('[');
    const last = path.pop() ?? key;
    let into = form;
    for (const name of path) {
      const next = into[name];
      if (typeof next === 'object') {
        into = next;
      } else {
        const nested: Form = {};
        into[name] = nested;
        into = nested;
      }
    }
    into[last] = value;
  }
  return form;
}

export function textOf(form: Form | undefined, key: string): string | undefined {
  const value = form?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function formOf(form: Form | undefined, key: string): Form | undefined {
  const value = form?.[key];
  return typeof value === 'object' ? value : undefined;
}

/** A flat map such as metadata. */
export function stringsOf(form: Form, key: string): Record<string, string> {
  const entries = Object.entries(formOf(form, key) ?? {});
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
