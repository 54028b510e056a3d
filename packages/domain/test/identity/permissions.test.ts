import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertCan, can, isStaff, PERMISSIONS } from '../../src/identity/permissions.js';
import type { Permission } from '../../src/identity/permissions.js';
import { ROLES } from '../../src/identity/user.js';
import type { Role } from '../../src/identity/user.js';
import { DomainError } from '../../src/shared/errors.js';

/** SPEC §3 table, written out independently of PERMISSIONS: which roles hold each capability. */
const SPEC_TABLE: Record<Permission, readonly Role[]> = {
  'products:write': ['manager', 'admin'], // create/update products, stock
  'products:delete': ['admin'], // delete/archive products
  'orders:manage': ['manager', 'admin'], // view/update all orders
  'rentals:manage': ['manager', 'admin'], // … and rentals
  'refunds:issue': ['manager', 'admin'], // refunds
  'customers:view': ['manager', 'admin'], // view customers
  'reports:view': ['manager', 'admin'], // reports, exports
  'customers:edit': ['admin'], // edit customers
  'roles:change': ['admin'], // change roles
  'settings:edit': ['admin'], // settings
};

describe('permission matrix (SPEC §3)', () => {
  it('covers exactly the capabilities of the table', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(SPEC_TABLE).sort());
  });

  it('grants a permission to a role exactly when the table does', () => {
    const permission = fc.constantFrom(...(Object.keys(SPEC_TABLE) as Permission[]));
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), permission, (role, perm) => {
        const expected = SPEC_TABLE[perm].includes(role);
        expect(can(role, perm)).toBe(expected);
        const actor = { userId: 1, role };
        if (expected) expect(() => assertCan(actor, perm)).not.toThrow();
        else expect(() => assertCan(actor, perm)).toThrow(DomainError);
      }),
    );
  });

  it('gives admins everything a manager has, and customers nothing', () => {
    for (const perm of Object.keys(SPEC_TABLE) as Permission[]) {
      if (can('manager', perm)) expect(can('admin', perm)).toBe(true);
      expect(can('customer', perm)).toBe(false);
    }
  });

  it('answers forbidden naming the role and permission', () => {
    try {
      assertCan({ userId: 1, role: 'manager' }, 'products:delete');
      throw new Error('expected forbidden');
    } catch (error) {
      expect((error as DomainError).code).toBe('forbidden');
      expect((error as DomainError).message).toMatch(/manager.*products:delete/);
    }
    expect(ROLES.filter(isStaff)).toEqual(['manager', 'admin']);
  });
});
