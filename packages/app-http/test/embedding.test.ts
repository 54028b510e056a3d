import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAdapters, HEAVY_PACKAGES, runRefusing } from '../../adapters/test/support/refusing-node.js';

// docs/embedding.md: the domain wired by hand, without Inversify, as an embedding team would.
// The test runs the page's code block as it stands (so the two cannot drift), in a fresh
// Node process on the built packages that refuses every heavy package but bcrypt (the doc's
// password hasher), and checks what it printed.
const page = readFileSync(new URL('../../../docs/embedding.md', import.meta.url), 'utf8');
const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);

describe('docs/embedding.md, run as written', () => {
  beforeAll(buildAdapters, 120_000);

  it('has one code block, importing only the domain and the light subpaths', () => {
    expect(blocks).toHaveLength(1);
    const imported = [...(blocks[0] as string).matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(new Set(imported)).toEqual(
      new Set([
        '@giggatek/domain',
        '@giggatek/adapters/memory',
        '@giggatek/adapters/background',
        '@giggatek/adapters/security',
      ]),
    );
  });

  it('signs a customer up, lists a product, keeps an address and places an order that takes stock', () => {
    const result = runRefusing(
      blocks[0] as string,
      HEAVY_PACKAGES.filter((name) => name !== 'bcrypt'),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // status, total (49 900 + 999 shipping + 4 117 tax), the product's stock after the order
    expect(result.stdout.trim()).toBe('pending 55016 1');
  });
});
