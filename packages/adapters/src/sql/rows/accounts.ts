import type { OneTimeTokenPurpose, Role } from '@giggatek/domain';
import type { AddressSnapshotRow } from './orders.js';
import type { DbBoolean, DbTimestamp } from './values.js';

/** users (migration 001). */
export interface UserRow {
  id: number;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  role: Role;
  email_verified_at: DbTimestamp | null;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/** sessions (001). */
export interface SessionRow {
  id: number;
  user_id: number;
  created_at: DbTimestamp;
  expires_at: DbTimestamp;
  revoked_at: DbTimestamp | null;
  ip: string | null;
  user_agent: string | null;
}

/** refresh_tokens (001). */
export interface RefreshTokenRow {
  id: number;
  session_id: number;
  token_hash: string;
  expires_at: DbTimestamp;
  rotated_at: DbTimestamp | null;
  created_at: DbTimestamp;
}

/** one_time_tokens (001). */
export interface OneTimeTokenRow {
  id: number;
  user_id: number;
  purpose: OneTimeTokenPurpose;
  token_hash: string;
  expires_at: DbTimestamp;
  used_at: DbTimestamp | null;
  created_at: DbTimestamp;
}

/** addresses (001): the same text columns as an order's copy of an address, plus the book's own. */
export interface AddressRow extends AddressSnapshotRow {
  id: number;
  user_id: number;
  label: string | null;
  is_default: DbBoolean;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}
