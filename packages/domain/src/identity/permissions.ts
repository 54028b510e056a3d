import { DomainError } from '../shared/errors.js';
import type { Actor, Role } from './user.js';

/** SPEC §3: what each role may do beyond its own profile, addresses, orders and rentals. */
export const PERMISSIONS = {
  'products:write': ['manager', 'admin'],
  'products:delete': ['admin'],
  'orders:manage': ['manager', 'admin'],
  'rentals:manage': ['manager', 'admin'],
  'refunds:issue': ['manager', 'admin'],
  'customers:view': ['manager', 'admin'],
  'reports:view': ['manager', 'admin'],
  'customers:edit': ['admin'],
  'roles:change': ['admin'],
  'settings:edit': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError('forbidden', `your role (${actor.role}) may not do this (${permission})`);
  }
}

export function isStaff(role: Role): boolean {
  return role === 'manager' || role === 'admin';
}
