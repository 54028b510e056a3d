import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { FixedClock, type SessionRepository, type UserRepository } from '@giggatek/domain';
import { bindFactory, bindValue, resolve, TOKENS, type Token } from '../../src/container.js';
import { MemorySessionRepository, MemoryUserRepository } from '../../src/memory/index.js';

interface Pair {
  users: UserRepository;
  sessions: SessionRepository;
}
const PAIR = Symbol('pair') as Token<Pair>;
const pairOf = (users: UserRepository, sessions: SessionRepository): Pair => ({ users, sessions });

// The container's bindings are typed. tsconfig.test.json compiles this file (npm run
// typecheck): each `@ts-expect-error` fails the build if the line under it starts to compile.
// The function is never called: these bindings are refused by the compiler, not at run time.
export function refusedBindings(c: Container): void {
  // @ts-expect-error a session repository is not a user repository
  bindValue(c, TOKENS.UserRepository, new MemorySessionRepository());
  // @ts-expect-error the swapped pair: a session repository where the users go, and back
  bindFactory(c, PAIR, pairOf, [TOKENS.SessionRepository, TOKENS.UserRepository]);
  // @ts-expect-error a bare symbol is no token: it could stand for anything
  bindFactory(c, PAIR, pairOf, [Symbol('users'), TOKENS.SessionRepository]);
  // @ts-expect-error a factory must build what its token resolves to
  bindFactory(c, TOKENS.Clock, (users: UserRepository) => users, [TOKENS.UserRepository]);
}

describe('typed container bindings', () => {
  it('bind a token to its own port, with dependencies in the order of the parameters', () => {
    const c = new Container({ defaultScope: 'Singleton' });
    const clock = new FixedClock('2026-01-15T12:00:00Z');
    bindValue(c, TOKENS.Clock, clock);
    bindFactory(c, TOKENS.SessionRepository, () => new MemorySessionRepository(), []);
    bindFactory(c, TOKENS.UserRepository, () => new MemoryUserRepository(), []);
    bindFactory(c, PAIR, pairOf, [TOKENS.UserRepository, TOKENS.SessionRepository]);

    expect(resolve(c, TOKENS.Clock)).toBe(clock);
    expect(resolve(c, PAIR)).toEqual({
      users: expect.any(MemoryUserRepository),
      sessions: expect.any(MemorySessionRepository),
    });
  });
});
