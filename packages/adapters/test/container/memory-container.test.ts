import { afterAll, describe, expect, it } from 'vitest';
import { FixedClock, PaymentsService } from '@giggatek/domain';
import { loadConfig } from '../../src/config/index.js';
import { createContainer, disposeContainer, resolve, TOKENS } from '../../src/container.js';
// Through the subpath export (vitest maps it to the source, as it maps the main entry).
import { MemoryAddressRepository, MemoryUserRepository } from '@giggatek/adapters/memory';
import {
  createAppScheduler,
  HOUSEKEEPING_JOB,
  ORDER_EXPIRY_JOB,
  PAYMENT_RECONCILIATION_JOB,
} from '../../src/scheduler/index.js';

// createContainer(config, { storage: 'memory' }): the whole application without a database.
describe('the memory container', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    BCRYPT_COST: '4',
    LOG_LEVEL: 'silent',
  });
  const container = createContainer(config, { storage: 'memory', clock: new FixedClock('2026-01-15T12:00:00Z') });
  afterAll(() => disposeContainer(container));

  it('serves the memory repositories, opens no database, and its health check answers ok', async () => {
    expect(resolve(container, TOKENS.UserRepository)).toBeInstanceOf(MemoryUserRepository);
    expect(resolve(container, TOKENS.AddressRepository)).toBeInstanceOf(MemoryAddressRepository);
    expect(container.isBound(TOKENS.Database)).toBe(false);
    const storage = resolve(container, TOKENS.Storage);
    await storage.migrate();
    expect(await storage.check()).toBe(true);
  });

  it('serves the payment use cases over the storage’s one ledger, and the ledger rolls back with the unit of work', async () => {
    expect(resolve(container, TOKENS.PaymentsUseCases)).toBeInstanceOf(PaymentsService);
    const storage = resolve(container, TOKENS.Storage);
    expect(resolve(container, TOKENS.PaymentLedger)).toBe(storage.payments);
    const event = { id: 'evt_container', type: 'charge.refunded', createdAt: new Date('2026-01-15T12:00:00Z') };
    const failed = storage.unitOfWork.run(async () => {
      await storage.payments.recordEvent(event, event.createdAt);
      throw new Error('the effect failed');
    });
    await expect(failed).rejects.toThrow('the effect failed');
    expect(await storage.payments.recordEvent(event, event.createdAt)).toBe(true);
  });

  it('one unit of work covers every repository: a failed run leaves the user and the address unwritten', async () => {
    const { users, addresses, unitOfWork } = resolve(container, TOKENS.Storage);
    const now = new Date('2026-01-15T12:00:00Z');
    const failed = unitOfWork.run(async () => {
      const user = await users.create({
        email: 'uow@example.com',
        passwordHash: 'x',
        firstName: 'U',
        lastName: 'W',
        phone: null,
        role: 'customer',
        createdAt: now,
      });
      await addresses.create(
        user.id,
        {
          label: null,
          recipientName: 'U W',
          line1: '1 Main St',
          line2: null,
          city: 'Austin',
          state: 'TX',
          postalCode: '78701',
          country: 'US',
          phone: null,
          isDefault: true,
        },
        now,
      );
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect(await users.findCredentialsByEmail('uow@example.com')).toBeNull();
    expect((await users.list({ page: 1, perPage: 10 })).total).toBe(0);
    expect(await addresses.listForUser(1)).toEqual([]);
  });

  it('runs the scheduler jobs on it', async () => {
    const errors: unknown[] = [];
    const scheduler = createAppScheduler(
      {
        ordering: resolve(container, TOKENS.OrderingUseCases),
        housekeeping: {
          sessions: resolve(container, TOKENS.SessionRepository),
          oneTimeTokens: resolve(container, TOKENS.OneTimeTokenRepository),
          idempotencyKeys: resolve(container, TOKENS.IdempotencyKeyPurger),
          clock: resolve(container, TOKENS.Clock),
        },
        reconciliation: {
          payments: resolve(container, TOKENS.PaymentsUseCases),
          clock: resolve(container, TOKENS.Clock),
        },
      },
      { onError: (_job, error) => errors.push(error) },
    );
    await scheduler.runOnce(ORDER_EXPIRY_JOB);
    await scheduler.runOnce(HOUSEKEEPING_JOB);
    await scheduler.runOnce(PAYMENT_RECONCILIATION_JOB);
    expect(errors).toEqual([]);
  });
});
