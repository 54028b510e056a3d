import { DomainError, normalizeEmail } from '@giggatek/domain';
import type {
  Id,
  NewUser,
  Page,
  User,
  UserCredentials,
  UserListFilter,
  UserProfilePatch,
  UserRepository,
} from '@giggatek/domain';
import { copy, IdSequence, pageOf } from './memory-store.js';

/** Users in memory; emails are stored normalised, so uniqueness ignores letter case (as in SQL). */
export class MemoryUserRepository implements UserRepository {
  private readonly rows = new Map<Id, UserCredentials>();
  private readonly ids = new IdSequence();

  async create(user: NewUser): Promise<User> {
    const email = normalizeEmail(user.email);
    if (this.byEmail(email)) throw new DomainError('already_exists', 'an account with this email already exists');
    const row: UserCredentials = {
      id: this.ids.next(),
      email,
      passwordHash: user.passwordHash,
      firstName: user.firstName,
      lastName: user.lastName,
      phone: user.phone,
      role: user.role,
      emailVerifiedAt: null,
      createdAt: new Date(user.createdAt),
      updatedAt: new Date(user.createdAt),
    };
    this.rows.set(row.id, row);
    return withoutPassword(row);
  }

  async findById(id: Id): Promise<User | null> {
    const row = this.rows.get(id);
    return row ? withoutPassword(row) : null;
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const row = this.byEmail(normalizeEmail(email));
    return row ? copy(row) : null;
  }

  async findCredentialsById(id: Id): Promise<UserCredentials | null> {
    const row = this.rows.get(id);
    return row ? copy(row) : null;
  }

  async updateProfile(id: Id, patch: UserProfilePatch, now: Date): Promise<User | null> {
    const row = this.rows.get(id);
    if (!row) return null;
    if (patch.firstName !== undefined) row.firstName = patch.firstName;
    if (patch.lastName !== undefined) row.lastName = patch.lastName;
    if (patch.phone !== undefined) row.phone = patch.phone;
    if (patch.role !== undefined) row.role = patch.role;
    row.updatedAt = new Date(now);
    return withoutPassword(row);
  }

  async setPasswordHash(id: Id, passwordHash: string, now: Date): Promise<void> {
    const row = this.rows.get(id);
    if (!row) return;
    row.passwordHash = passwordHash;
    row.updatedAt = new Date(now);
  }

  async markEmailVerified(id: Id, at: Date): Promise<void> {
    const row = this.rows.get(id);
    if (!row) return;
    row.emailVerifiedAt = new Date(at);
    row.updatedAt = new Date(at);
  }

  /** Ordered by id (oldest account first). */
  async list(filter: UserListFilter): Promise<Page<User>> {
    const q = filter.q?.toLowerCase();
    const matching = [...this.rows.values()]
      .filter((row) => filter.role === undefined || row.role === filter.role)
      .filter((row) => !q || [row.email, row.firstName, row.lastName].some((text) => text.toLowerCase().includes(q)))
      .sort((a, b) => a.id - b.id)
      .map(withoutPassword);
    return pageOf(matching, filter);
  }

  private byEmail(email: string): UserCredentials | undefined {
    return [...this.rows.values()].find((row) => row.email === email);
  }
}

function withoutPassword(row: UserCredentials): User {
  const { passwordHash: _hidden, ...user } = copy(row);
  return user;
}
