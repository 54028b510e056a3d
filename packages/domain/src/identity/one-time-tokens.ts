import { DomainError } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import { addMs } from '../shared/clock.js';
import type { Id } from '../shared/ids.js';
import type { OneTimeToken, OneTimeTokenPurpose, OneTimeTokenRepository, SecretTokens } from './ports.js';

interface TokenDeps {
  oneTimeTokens: OneTimeTokenRepository;
  secrets: SecretTokens;
  clock: Clock;
}

/** Creates a single-use token; only its hash is stored, the secret goes to the user's inbox. */
export async function issueOneTimeToken(
  deps: TokenDeps,
  userId: Id,
  purpose: OneTimeTokenPurpose,
  ttlMs: number,
): Promise<string> {
  const now = deps.clock.now();
  const secret = deps.secrets.generate();
  await deps.oneTimeTokens.create({
    userId,
    purpose,
    tokenHash: deps.secrets.hash(secret),
    expiresAt: addMs(now, ttlMs),
    createdAt: now,
  });
  return secret;
}

/**
 * Finds the unused, unexpired token for `secret` and consumes it. Consuming is atomic in
 * the repository, so of two concurrent redemptions only one gets the token; every other
 * outcome is DomainError('invalid_token', failureMessage).
 *
 * `beforeConsume` runs after the token is known to be redeemable but before it is used
 * up, so a request that fails validation there (a weak new password) leaves it usable.
 */
export async function redeemOneTimeToken(
  deps: TokenDeps,
  purpose: OneTimeTokenPurpose,
  secret: unknown,
  failureMessage: string,
  beforeConsume: () => Promise<void> = async () => {},
): Promise<OneTimeToken> {
  const invalid = new DomainError('invalid_token', failureMessage);
  if (typeof secret !== 'string' || secret === '') throw invalid;
  const token = await deps.oneTimeTokens.findByHash(purpose, deps.secrets.hash(secret));
  if (!token || token.usedAt !== null || token.expiresAt.getTime() <= deps.clock.now().getTime()) throw invalid;
  await beforeConsume();
  if (!(await deps.oneTimeTokens.consume(token.id, deps.clock.now()))) throw invalid;
  return token;
}
