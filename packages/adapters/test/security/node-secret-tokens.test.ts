import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NodeSecretTokens } from '../../src/security/index.js';

describe('NodeSecretTokens', () => {
  const tokens = new NodeSecretTokens();

  it('generates 256-bit URL-safe secrets that differ each time', () => {
    const a = tokens.generate();
    const b = tokens.generate();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('hashes deterministically with SHA-256 hex', () => {
    const secret = tokens.generate();
    const hash = tokens.hash(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens.hash(secret)).toBe(hash);
    expect(hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(tokens.hash(`${secret}x`)).not.toBe(hash);
  });
});
