import type { BackgroundTasks } from '../shared/background-tasks.js';
import type { Clock } from '../shared/clock.js';
import { HOUR_MS, MINUTE_MS } from '../shared/clock.js';
import { DomainError, notFound, Problems, ValidationError } from '../shared/errors.js';
import type { Id } from '../shared/ids.js';
import { notifyBestEffort, type Notifier } from '../notifications/ports.js';
import { checkEmail, normalizeEmail } from './email.js';
import { issueOneTimeToken, redeemOneTimeToken } from './one-time-tokens.js';
import { assertValidPassword, checkPassword, PASSWORD_MAX_BYTES, utf8Length } from './password-policy.js';
import type {
  AccessClaims,
  OneTimeTokenRepository,
  PasswordHasher,
  SecretTokens,
  SessionRepository,
  TokenSigner,
  UserRepository,
} from './ports.js';
import { assertValidProfilePatch, checkProfile } from './profile-rules.js';
import { requireLiveSession, rotateRefreshToken, startSession } from './session-tokens.js';
import { ROLES } from './user.js';
import type { Actor, Role, User } from './user.js';

export interface IdentityPolicy {
  refreshTokenTtlDays: number; // 30
  passwordResetTtlMinutes: number; // 60
  emailVerificationTtlHours: number; // 24
}

export const DEFAULT_IDENTITY_POLICY: IdentityPolicy = {
  refreshTokenTtlDays: 30,
  passwordResetTtlMinutes: 60,
  emailVerificationTtlHours: 24,
};

export interface IdentityDeps {
  users: UserRepository;
  sessions: SessionRepository;
  oneTimeTokens: OneTimeTokenRepository;
  hasher: PasswordHasher;
  signer: TokenSigner;
  secrets: SecretTokens;
  notifier: Notifier;
  /** Runs the reset request's lookup, token write and mail after the answer. */
  background: BackgroundTasks;
  clock: Clock;
  policy?: IdentityPolicy;
}

/** Where the request came from; stored on the session. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
}

export interface RegisterInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phone?: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Access token lifetime in seconds. */
  expiresIn: number;
}

export interface AuthResult extends TokenPair {
  user: User;
}

/** Account use cases of SPEC §3. */
export interface IdentityUseCases {
  /** Creates a customer, sends the welcome + verify-email mail, and signs in. */
  register(input: RegisterInput, client: ClientContext): Promise<AuthResult>;
  /** Creates a user of any role (CLI, admin); validates like register. */
  createUser(input: RegisterInput & { role: Role }): Promise<User>;
  /** Same DomainError('invalid_credentials') and the same work for unknown email and wrong password. */
  login(input: { email: string; password: string }, client: ClientContext): Promise<AuthResult>;
  /** Rotates the refresh token; a reused (already rotated) token revokes the whole session. */
  refresh(refreshToken: string): Promise<TokenPair>;
  /**
   * Compatibility: a still-valid access token of a live session buys a new access token,
   * once: the token bought this way is marked and refused here (only the refresh token keeps a session going).
   */
  refreshWithAccessToken(accessToken: string): Promise<{ accessToken: string; expiresIn: number }>;
  /** Verifies the access token and that its session is still live. */
  authenticate(accessToken: string): Promise<Actor>;
  logout(actor: Actor): Promise<void>;
  me(actor: Actor): Promise<User>;
  updateProfile(actor: Actor, patch: { firstName?: string; lastName?: string; phone?: string | null }): Promise<User>;
  /** Checks the current password, stores the new one and revokes the user's other sessions. */
  changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void>;
  /**
   * Always resolves the same way, in the same time, whether or not the email exists: only
   * the email's shape is checked before it resolves; the rest runs as a background task.
   */
  requestPasswordReset(email: string): Promise<void>;
  /** Single use, 1 hour; revokes all of the user's sessions. DomainError('invalid_token') otherwise. */
  resetPassword(input: { token: string; newPassword: string }): Promise<void>;
  verifyEmail(token: string): Promise<void>;
  getUser(id: Id): Promise<User>;
}

/** SPEC §3 account rules over the identity ports. */
export class IdentityService implements IdentityUseCases {
  private readonly policy: IdentityPolicy;
  /** A real hash of a random secret, so an unknown email costs one bcrypt verify too. */
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly deps: IdentityDeps) {
    this.policy = deps.policy ?? DEFAULT_IDENTITY_POLICY;
  }

  async register(input: RegisterInput, client: ClientContext): Promise<AuthResult> {
    // The role is fixed here: a `role` smuggled into the input is never read.
    const user = await this.createValidatedUser(input, 'customer');
    const token = await issueOneTimeToken(
      this.deps,
      user.id,
      'email_verification',
      this.policy.emailVerificationTtlHours * HOUR_MS,
    );
    await notifyBestEffort(this.deps.notifier, {
      template: 'welcome',
      to: user.email,
      data: { first_name: user.firstName },
    });
    await notifyBestEffort(this.deps.notifier, {
      template: 'verify_email',
      to: user.email,
      data: { token, first_name: user.firstName, expires_in_hours: this.policy.emailVerificationTtlHours },
    });
    const pair = await startSession(this.deps, user, client, this.policy.refreshTokenTtlDays);
    return { ...pair, user };
  }

  async createUser(input: RegisterInput & { role: Role }): Promise<User> {
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw new ValidationError([{ field: 'role', message: `must be one of ${ROLES.join(', ')}` }]);
    }
    return this.createValidatedUser(input, input.role);
  }

  async login(input: { email: string; password: string }, client: ClientContext): Promise<AuthResult> {
    const email = typeof input.email === 'string' ? normalizeEmail(input.email) : '';
    const password = typeof input.password === 'string' ? input.password : '';
    const credentials = email === '' ? null : await this.deps.users.findCredentialsByEmail(email);
    // Exactly one verify on every path, so the answer time does not reveal whether the email exists.
    const hash = credentials?.passwordHash ?? (await this.getDummyHash());
    const matches = await this.deps.hasher.verify(password, hash);
    // bcrypt ignores bytes past 72: an overlong password must not match its own prefix.
    if (!credentials || !matches || utf8Length(password) > PASSWORD_MAX_BYTES) {
      throw new DomainError('invalid_credentials', 'invalid email or password');
    }
    const { passwordHash: _secret, ...user } = credentials;
    const pair = await startSession(this.deps, user, client, this.policy.refreshTokenTtlDays);
    return { ...pair, user };
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return rotateRefreshToken(this.deps, refreshToken);
  }

  async refreshWithAccessToken(accessToken: string): Promise<{ accessToken: string; expiresIn: number }> {
    const { actor, claims } = await this.verifyLiveAccessToken(accessToken);
    // Otherwise a stolen access token could renew itself for as long as its 30-day session lives.
    if (claims.renewedByBearer) {
      throw new DomainError(
        'invalid_token',
        'this access token was itself renewed by bearer and cannot be renewed again: use the refresh token',
      );
    }
    const signed = await this.deps.signer.signAccessToken({
      sub: actor.userId,
      role: actor.role,
      sid: actor.sessionId as Id,
      renewedByBearer: true,
    });
    return { accessToken: signed.token, expiresIn: signed.expiresIn };
  }

  async authenticate(accessToken: string): Promise<Actor> {
    return (await this.verifyLiveAccessToken(accessToken)).actor;
  }

  private async verifyLiveAccessToken(accessToken: string): Promise<{ actor: Actor; claims: AccessClaims }> {
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new DomainError('invalid_token', 'access token is missing');
    }
    const claims = await this.deps.signer.verifyAccessToken(accessToken);
    // Two independent reads on every authenticated request: run them side by side.
    const [session, user] = await Promise.all([
      requireLiveSession(this.deps, claims.sid, claims.sub),
      this.deps.users.findById(claims.sub),
    ]);
    if (!user) throw new DomainError('invalid_token', 'access token is no longer valid: the account is gone');
    // The role comes from the user row, so a role change applies before the token expires.
    return { actor: { userId: user.id, role: user.role, sessionId: session.id }, claims };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.sessionId !== undefined) await this.deps.sessions.revoke(actor.sessionId, this.deps.clock.now());
  }

  me(actor: Actor): Promise<User> {
    return this.getUser(actor.userId);
  }

  async updateProfile(
    actor: Actor,
    patch: { firstName?: string; lastName?: string; phone?: string | null },
  ): Promise<User> {
    // Picks first/last name and phone only: role, email or anything else in the patch is ignored.
    const valid = assertValidProfilePatch(patch);
    if (Object.keys(valid).length === 0) return this.getUser(actor.userId);
    const user = await this.deps.users.updateProfile(actor.userId, valid, this.deps.clock.now());
    if (!user) throw notFound('user');
    return user;
  }

  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
    const credentials = await this.deps.users.findCredentialsById(actor.userId);
    if (!credentials) throw notFound('user');
    const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
    const matches = await this.deps.hasher.verify(current, credentials.passwordHash);
    if (!matches || utf8Length(current) > PASSWORD_MAX_BYTES) {
      // A 400 on the field, not a 401: the caller's token is fine and must not look expired.
      throw new ValidationError([{ field: 'currentPassword', message: 'is incorrect' }]);
    }
    assertValidPassword(input.newPassword, 'newPassword');
    const now = this.deps.clock.now();
    await this.deps.users.setPasswordHash(actor.userId, await this.deps.hasher.hash(input.newPassword), now);
    await this.deps.sessions.revokeAllForUser(actor.userId, now, actor.sessionId);
    // Reset links mailed before the change must not be able to undo it.
    await this.deps.oneTimeTokens.consumeAllForUser(actor.userId, 'password_reset', now);
  }

  async requestPasswordReset(email: string): Promise<void> {
    const normalized = checkEmail(email, new Problems());
    if (normalized === null) return;
    // Nothing that depends on whether the account exists runs before the answer (SPEC §3).
    this.deps.background.enqueue('password_reset_email', () => this.sendPasswordReset(normalized));
  }

  /**
   * The background half of a reset request. The mail is the part the transactional outbox
   * (SPEC §7) will take over; a failure here is logged by the background tasks.
   */
  private async sendPasswordReset(email: string): Promise<void> {
    const user = await this.deps.users.findCredentialsByEmail(email);
    if (!user) return;
    const minutes = this.policy.passwordResetTtlMinutes;
    const token = await issueOneTimeToken(this.deps, user.id, 'password_reset', minutes * MINUTE_MS);
    await this.deps.notifier.notify({
      template: 'password_reset',
      to: user.email,
      data: { token, first_name: user.firstName, expires_in_minutes: minutes },
    });
  }

  async resetPassword(input: { token: string; newPassword: string }): Promise<void> {
    let passwordHash = '';
    const token = await redeemOneTimeToken(
      this.deps,
      'password_reset',
      input.token,
      'reset token is invalid or expired',
      async () => {
        // Checked before the token is used up, so a weak password can be corrected and retried.
        assertValidPassword(input.newPassword, 'newPassword');
        passwordHash = await this.deps.hasher.hash(input.newPassword);
      },
    );
    const now = this.deps.clock.now();
    await this.deps.users.setPasswordHash(token.userId, passwordHash, now);
    await this.deps.sessions.revokeAllForUser(token.userId, now);
    // Every other reset link of the user dies with this one.
    await this.deps.oneTimeTokens.consumeAllForUser(token.userId, 'password_reset', now);
  }

  async verifyEmail(token: string): Promise<void> {
    const used = await redeemOneTimeToken(
      this.deps,
      'email_verification',
      token,
      'verification token is invalid or expired',
    );
    await this.deps.users.markEmailVerified(used.userId, this.deps.clock.now());
  }

  async getUser(id: Id): Promise<User> {
    const user = await this.deps.users.findById(id);
    if (!user) throw notFound('user');
    return user;
  }

  private async createValidatedUser(input: RegisterInput, role: Role): Promise<User> {
    const problems = new Problems();
    const email = checkEmail(input.email, problems);
    checkPassword(input.password, 'password', problems);
    const profile = checkProfile(input, problems);
    problems.throwIfAny();
    if (email !== null && (await this.deps.users.findCredentialsByEmail(email))) {
      throw new DomainError('already_exists', 'an account with this email already exists');
    }
    const passwordHash = await this.deps.hasher.hash(input.password);
    // The repository enforces uniqueness too, for two registrations racing past the check above.
    return this.deps.users.create({
      email: email as string,
      passwordHash,
      ...profile,
      role,
      createdAt: this.deps.clock.now(),
    });
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash(this.deps.secrets.generate()).catch((error: unknown) => {
      this.dummyHash = undefined;
      throw error;
    });
    return this.dummyHash;
  }
}
