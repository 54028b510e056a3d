import type { Knex } from 'knex';
import { DomainError, normalizeEmail, offsetOf } from '@giggatek/domain';
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
import { containsPattern, isUniqueViolation, LIKE_ESCAPE, toDate, toDateOrNull, toNumber } from '../row-values.js';
import { insertedId } from '../rows/index.js';
import type { UserRow } from '../rows/index.js';
import { dbOf } from '../unit-of-work.js';

export class SqlUserRepository implements UserRepository {
  constructor(private readonly knex: Knex) {}

  /** The ambient unit of work's transaction, else the pool (dbOf). */
  private get db(): Knex {
    return dbOf(this.knex);
  }

  async create(user: NewUser): Promise<User> {
    try {
      const ids = await this.db('users').insert({
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
      const created = await this.findById(insertedId(ids, 'users'));
      if (!created) throw new Error('the new user is gone');
      return created;
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
    const row = await this.db('users')
      .where({ email: normalizeEmail(email) })
      .first();
    return row ? toCredentials(row) : null;
  }

  async findCredentialsById(id: Id): Promise<UserCredentials | null> {
    const row = await this.db('users').where({ id }).first();
    return row ? toCredentials(row) : null;
  }

  async updateProfile(id: Id, patch: UserProfilePatch, now: Date): Promise<User | null> {
    const changes: Partial<Pick<UserRow, 'first_name' | 'last_name' | 'phone' | 'role'>> = {};
    if (patch.firstName !== undefined) changes.first_name = patch.firstName;
    if (patch.lastName !== undefined) changes.last_name = patch.lastName;
    if (patch.phone !== undefined) changes.phone = patch.phone;
    if (patch.role !== undefined) changes.role = patch.role;
    const updated = await this.db('users')
      .where({ id })
      .update({ ...changes, updated_at: now });
    return updated > 0 ? this.findById(id) : null;
  }

  async setPasswordHash(id: Id, passwordHash: string, now: Date): Promise<void> {
    await this.db('users').where({ id }).update({ password_hash: passwordHash, updated_at: now });
  }

  async markEmailVerified(id: Id, at: Date): Promise<void> {
    await this.db('users').where({ id }).update({ email_verified_at: at, updated_at: at });
  }

  /** Ordered by id (oldest account first). */
  async list(filter: UserListFilter): Promise<Page<User>> {
    const pageQuery = filterUsers(this.db('users').select('*'), filter)
      .orderBy('id', 'asc')
      .limit(filter.perPage)
      .offset(offsetOf(filter));
    const countQuery = filterUsers(this.db('users').count({ total: '*' }), filter);
    const [rows, counted] = await Promise.all([pageQuery, countQuery]);
    return {
      items: rows.map((row) => withoutPassword(toCredentials(row))),
      total: toNumber(counted[0]?.total ?? 0),
      page: filter.page,
      perPage: filter.perPage,
    };
  }
}

/** The list's filter; returns the query it was given, its row type kept. */
function filterUsers<Q extends Knex.QueryBuilder>(query: Q, filter: UserListFilter): Q {
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
}

function toCredentials(row: UserRow): UserCredentials {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone ?? null,
    role: row.role,
    emailVerifiedAt: toDateOrNull(row.email_verified_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function withoutPassword(credentials: UserCredentials): User {
  const { passwordHash: _passwordHash, ...user } = credentials;
  return user;
}
