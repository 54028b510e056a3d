import { DomainError } from '../shared/errors.js';
import { addMs, DAY_MS } from '../shared/clock.js';
import type { Id } from '../shared/ids.js';
import type { ClientContext, IdentityDeps, TokenPair } from './identity-service.js';
import type { Session } from './ports.js';
import type { User } from './user.js';

type SessionDeps = Pick<IdentityDeps, 'users' | 'sessions' | 'signer' | 'secrets' | 'clock'>;

const INVALID_REFRESH = 'refresh token is invalid or expired';
const REUSED_REFRESH = 'refresh token was already used; the session has been revoked';

/** Opens a session (refresh token stored only as its hash) and signs its first access token. */
export async function startSession(
  deps: SessionDeps,
  user: Pick<User, 'id' | 'role'>,
  client: ClientContext,
  ttlDays: number,
): Promise<TokenPair> {
  const now = deps.clock.now();
  const refreshToken = deps.secrets.generate();
  const session = await deps.sessions.create(
    {
      userId: user.id,
      createdAt: now,
      expiresAt: addMs(now, ttlDays * DAY_MS),
      ip: client.ip,
      userAgent: client.userAgent,
    },
    deps.secrets.hash(refreshToken),
  );
  const access = await deps.signer.signAccessToken({ sub: user.id, role: user.role, sid: session.id });
  return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn };
}

/**
 * Exchanges a refresh token for a new pair (SPEC §3). Presenting a token that was
 * already rotated means it leaked or raced: the whole session is revoked.
 */
export async function rotateRefreshToken(deps: SessionDeps, refreshToken: unknown): Promise<TokenPair> {
  if (typeof refreshToken !== 'string' || refreshToken === '') throw new DomainError('invalid_token', INVALID_REFRESH);
  const now = deps.clock.now();
  const record = await deps.sessions.findRefreshToken(deps.secrets.hash(refreshToken));
  if (!record || !isLive(record.session, now) || record.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('invalid_token', INVALID_REFRESH);
  }
  if (record.rotatedAt !== null) return revokeForReuse(deps, record.sessionId);
  const user = await deps.users.findById(record.session.userId);
  if (!user) throw new DomainError('invalid_token', INVALID_REFRESH);

  const next = deps.secrets.generate();
  // The successor lives as long as the session: rotation never extends a session.
  const rotated = await deps.sessions.rotateRefreshToken(
    record.id,
    { tokenHash: deps.secrets.hash(next), expiresAt: record.session.expiresAt },
    now,
  );
  if (!rotated) return revokeForReuse(deps, record.sessionId);
  const access = await deps.signer.signAccessToken({ sub: user.id, role: user.role, sid: record.sessionId });
  return { accessToken: access.token, refreshToken: next, expiresIn: access.expiresIn };
}

/** The session of an access token, when it is still live and belongs to that user. */
export async function requireLiveSession(deps: SessionDeps, sessionId: Id, userId: Id): Promise<Session> {
  const session = await deps.sessions.findById(sessionId);
  if (!session || session.userId !== userId || !isLive(session, deps.clock.now())) {
    throw new DomainError('invalid_token', 'access token is no longer valid: its session has ended');
  }
  return session;
}

function isLive(session: Session, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}

async function revokeForReuse(deps: SessionDeps, sessionId: Id): Promise<never> {
  await deps.sessions.revoke(sessionId, deps.clock.now());
  throw new DomainError('invalid_token', REUSED_REFRESH);
}
