import type { Role } from '@giggatek/domain';

/** A demo account the seed creates: one per role, so every screen can be tried. */
export interface DemoUser {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role: Role;
}

/**
 * The one documented password of every demo account. It satisfies the password policy
 * (SPEC §3: 8+ characters with upper, lower, digit and special). Demo data only: never
 * seed these accounts into a production database.
 */
export const DEMO_PASSWORD = 'Demo-Pass-2026!';

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@giggatek.demo', password: DEMO_PASSWORD, firstName: 'Ada', lastName: 'Admin', role: 'admin' },
  {
    email: 'manager@giggatek.demo',
    password: DEMO_PASSWORD,
    firstName: 'Morgan',
    lastName: 'Manager',
    role: 'manager',
  },
  {
    email: 'customer@giggatek.demo',
    password: DEMO_PASSWORD,
    firstName: 'Casey',
    lastName: 'Customer',
    role: 'customer',
  },
];
