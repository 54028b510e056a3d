import { describe, expect, it } from 'vitest';
import { BcryptPasswordHasher } from '../../src/security/index.js';

describe('BcryptPasswordHasher', () => {
  const hasher = new BcryptPasswordHasher(4);

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hasher.hash('Correct-horse-1');
    expect(hash).not.toContain('Correct-horse-1');
    expect(await hasher.verify('Correct-horse-1', hash)).toBe(true);
    expect(await hasher.verify('Correct-horse-2', hash)).toBe(false);
  });

  it('uses the configured cost', async () => {
    expect(await hasher.hash('Pa55word!')).toMatch(/^\$2b\$04\$/);
    expect(await new BcryptPasswordHasher(5).hash('Pa55word!')).toMatch(/^\$2b\$05\$/);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hasher.hash('Pa55word!')).not.toBe(await hasher.hash('Pa55word!'));
  });

  it('answers false for a malformed hash instead of throwing', async () => {
    for (const malformed of ['', 'not-a-hash', '$2b$04$short', 'sha256:abcdef']) {
      await expect(hasher.verify('Pa55word!', malformed)).resolves.toBe(false);
    }
  });

  it('refuses an out-of-range cost', () => {
    expect(() => new BcryptPasswordHasher(3)).toThrow(/cost/);
    expect(() => new BcryptPasswordHasher(4.5)).toThrow(/cost/);
  });
});
