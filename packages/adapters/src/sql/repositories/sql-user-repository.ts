import type { Knex } from 'knex';
import { DomainError, normalizeEmail, offsetOf } from '@giggatek/domain';
import type {
  Id,
  NewUser,
  Page,
  Role,
  User,
  UserCredentials,
  UserListFilter,
  UserProfilePatch,
  UserRepository,
} from '@giggatek/domain';
import { UserModel } from '../models/index.js';
import { containsPattern, isUniqueViolation, LIKE_ESCAPE, toDate, toDateOrNull, toNumber } from '../row-values.js';
import { dbOf } from '../unit-of-work.js';

export class SqlUserRepository implements UserRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  async create(user: NewUser): Promise<User> {
    try {
      const row = await UserModel.query(this.db).insert({
        email: normalizeEmail(user.email),
        password_hash: user.passwordHash,
        first_name: user.firstName,
        last_name: user.lastName,
        phone: user.phone,
        role: user.role,
        email_verified_at: null,
        created_at: user.createdAt,
        updated_at: user.createdAt,
      });
      return (await this.findById(row.id)) as User;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('already_exists', 'an account with this email already exists');
      }
      throw error;
    }
  }

  async findById(id: Id): Promise<User | null> {
    const credentials = await this.findCredentialsById(id);
    return credentials ? withoutPassword(credentials) : null;
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const row = await UserModel.query(this.db).findOne({ email: normalizeEmail(email) });
    return row ? toCredentials(row) : null;
  }

  async findCredentialsById(id: Id): Promise<UserCredentials | null> {
    const row = await UserModel.query(this.db).findById(id);
    return row ? toCredentials(row) : null;
  }

  async updateProfile(id: Id, patch: UserProfilePatch, now: Date): Promise<User | null> {
    const changes: Partial<Pick<UserModel, 'first_name' | 'last_name' | 'phone' | 'role'>> = {};
    if (patch.firstName !== undefined) changes.first_name = patch.firstName;
    if (patch.lastName !== undefined) changes.last_name = patch.lastName;
    if (patch.phone !== undefined) changes.phone = patch.phone;
    if (patch.role !== undefined) changes.role = patch.role;
    const updated = await UserModel.query(this.db)
      .findById(id)
      .patch({ ...changes, updated_at: now });
    return updated > 0 ? this.findById(id) : null;
  }

  async setPasswordHash(id: Id, passwordHash: string, now: Date): Promise<void> {
    await UserModel.query(this.db).findById(id).patch({ password_hash: passwordHash, updated_at: now });
  }

  async markEmailVerified(id: Id, at: Date): Promise<void> {
    await UserModel.query(this.db).findById(id).patch({ email_verified_at: at, updated_at: at });
  }

  /** Ordered by id (oldest account first). */
  async list(filter: UserListFilter): Promise<Page<User>> {
    const where = (query: Knex.QueryBuilder): Knex.QueryBuilder => {
      if (filter.role) query.where('role', filter.role);
      if (filter.q) {
        const pattern = containsPattern(filter.q);
        query.where((w) => {
          w.whereRaw(`email LIKE ? ${LIKE_ESCAPE}`, [pattern])
            .orWhereRaw(`first_name LIKE ? ${LIKE_ESCAPE}`, [pattern])
            .orWhereRaw(`last_name LIKE ? ${LIKE_ESCAPE}`, [pattern]);
        });
      }
      return query;
    };
    const [rows, counted] = await Promise.all([
      where(this.db('users').select('*'))
        .orderBy('id', 'asc')
        .limit(filter.perPage)
        .offset(offsetOf(filter)) as Promise<UserModel[]>,
      where(this.db('users').count({ total: '*' })) as Promise<Array<{ total: unknown }>>,
    ]);
    return {
      items: rows.map((row) => withoutPassword(toCredentials(row))),
      total: toNumber(counted[0]?.total ?? 0),
      page: filter.page,
      perPage: filter.perPage,
    };
  }
}

function toCredentials(row: UserModel): UserCredentials {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone ?? null,
    role: row.role as Role,
    emailVerifiedAt: toDateOrNull(row.email_verified_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function withoutPassword(credentials: UserCredentials): User {
  const { passwordHash: _passwordHash, ...user } = credentials;
  return user;
}
