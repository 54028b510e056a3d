import {
  MemoryNotifier,
  MemoryOneTimeTokenRepository,
  MemorySessionRepository,
  MemoryUserRepository,
} from '../../../src/memory/index.js';
import { InProcessBackgroundTasks } from '../../../src/background/index.js';
import { FixedClock, IdentityService } from '@giggatek/domain';
import type { ClientContext, EmailTemplate, RegisterInput } from '@giggatek/domain';
import { FakePasswordHasher, FakeSecretTokens, FakeTokenSigner } from './fakes.js';

export const CLIENT: ClientContext = { ip: '203.0.113.7', userAgent: 'vitest' };
export const GOOD_PASSWORD = 'Str0ng!pass';

export function registration(overrides: Partial<RegisterInput> = {}): RegisterInput {
  return { email: 'ada@example.com', password: GOOD_PASSWORD, firstName: 'Ada', lastName: 'Lovelace', ...overrides };
}

/** An IdentityService over memory adapters and fakes, with handles on each part. */
export function identityHarness() {
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const users = new MemoryUserRepository();
  const sessions = new MemorySessionRepository();
  const oneTimeTokens = new MemoryOneTimeTokenRepository();
  const hasher = new FakePasswordHasher();
  const signer = new FakeTokenSigner(clock);
  const secrets = new FakeSecretTokens();
  const notifier = new MemoryNotifier();
  const backgroundErrors: unknown[] = [];
  const background = new InProcessBackgroundTasks({ onError: (_task, error) => backgroundErrors.push(error) });
  const service = new IdentityService({
    users,
    sessions,
    oneTimeTokens,
    hasher,
    signer,
    secrets,
    notifier,
    clock,
    background,
  });

  /** The token sent in the last notification of a template. */
  const tokenSent = (template: EmailTemplate): string => {
    const last = notifier.sent.filter((n) => n.template === template).at(-1);
    if (!last) throw new Error(`no ${template} notification was sent`);
    return String(last.data.token);
  };

  /** A reset request, then its background work. */
  const resetRequested = async (email: string): Promise<void> => {
    await service.requestPasswordReset(email);
    await background.drain();
  };

  return {
    resetRequested,
    clock,
    users,
    sessions,
    oneTimeTokens,
    hasher,
    signer,
    secrets,
    notifier,
    background,
    backgroundErrors,
    service,
    tokenSent,
  };
}
