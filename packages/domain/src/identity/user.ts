import type { Id } from '../shared/ids.js';

export const ROLES = ['customer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: Id;
  /** Stored lower-cased; unique regardless of letter case. */
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  role: Role;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A user as read for authentication, with the password hash. Never leaves the domain. */
export interface UserCredentials extends User {
  passwordHash: string;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  role: Role;
  createdAt: Date;
}

export interface UserProfilePatch {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  role?: Role;
}

/** Who is acting: the authenticated user as the HTTP layer knows them. */
export interface Actor {
  userId: Id;
  role: Role;
  sessionId?: Id;
}
