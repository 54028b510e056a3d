import type { Clock } from '../shared/clock.js';
import type { Id } from '../shared/ids.js';
import type { Notifier } from '../notifications/ports.js';
import type {
  OneTimeTokenRepository, PasswordHasher, SecretTokens, SessionRepository, TokenSigner, UserRepository,
} from './ports.js';
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
  /** Compatibility: a still-valid access token of a live session buys a new access token. */
  refreshWithAccessToken(accessToken: string): Promise<{ accessToken: string; expiresIn: number }>;
  /** Verifies the access token and that its session is still live. */
  authenticate(accessToken: string): Promise<Actor>;
  logout(actor: Actor): Promise<void>;
  me(actor: Actor): Promise<User>;
  updateProfile(actor: Actor, patch: { firstName?: string; lastName?: string; phone?: string | null }): Promise<User>;
  /** Checks the current password, stores the new one and revokes the user's other sessions. */
  changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void>;
  /** Always resolves the same way whether or not the email exists. */
  requestPasswordReset(email: string): Promise<void>;
  /** Single use, 1 hour; revokes all of the user's sessions. DomainError('invalid_token') otherwise. */
  resetPassword(input: { token: string; newPassword: string }): Promise<void>;
  verifyEmail(token: string): Promise<void>;
  getUser(id: Id): Promise<User>;
}
