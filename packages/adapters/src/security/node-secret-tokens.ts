import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '@giggatek/domain';

/** Refresh, reset and verification secrets: 256 random bits, stored only as SHA-256. */
export class NodeSecretTokens implements SecretTokens {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(secret: string): string {
    return createHash('sha256').update(secret, 'utf8').digest('hex');
  }
}
