import { resolve, TOKENS } from '@giggatek/adapters';
import type { Role } from '@giggatek/domain';
import type { TestServer } from './test-server.js';

export const STRONG_PASSWORD = 'Str0ng!Passw0rd';

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.com`;
}

export interface SignedIn {
  token: string;
  refreshToken: string;
  userId: number;
  email: string;
}

/** Registers a customer through the API. */
export async function registerCustomer(server: TestServer, email = uniqueEmail()): Promise<SignedIn> {
  const response = await server.request('POST', '/api/auth/register', {
    body: { email, password: STRONG_PASSWORD, first_name: 'Test', last_name: 'Customer' },
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return {
    token: response.body.token,
    refreshToken: response.body.refresh_token,
    userId: response.body.user.id,
    email,
  };
}

/** Creates a staff account the way the CLI does, then signs in through the API. */
export async function signInAs(server: TestServer, role: Role): Promise<SignedIn> {
  const email = uniqueEmail(role);
  await resolve(server.container, TOKENS.IdentityUseCases).createUser({
    email,
    password: STRONG_PASSWORD,
    firstName: 'Staff',
    lastName: role,
    role,
  });
  const response = await server.request('POST', '/api/auth/login', { body: { email, password: STRONG_PASSWORD } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return {
    token: response.body.token,
    refreshToken: response.body.refresh_token,
    userId: response.body.user.id,
    email,
  };
}
