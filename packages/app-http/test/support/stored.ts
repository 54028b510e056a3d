import { NodeSecretTokens } from '@giggatek/adapters';
import type { OneTimeTokenPurpose } from '@giggatek/domain';
import type { TestServer } from './test-server.js';

// State checks read through the repositories (server.storage), so a suite asserts the same
// stored state on the memory container as on SQLite and MySQL.

export async function storedUser(server: TestServer, userId: number) {
  const user = await server.storage.users.findById(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user;
}

/** Whether an account exists for `email` (stored lower-cased, as the domain normalises it). */
export async function userExists(server: TestServer, email: string): Promise<boolean> {
  return (await server.storage.users.findCredentialsByEmail(email.toLowerCase())) !== null;
}

/** The stored products named `name` (among those the catalog lists: a created product is active). */
export async function productsNamed(server: TestServer, name: string) {
  const page = await server.storage.products.list({ q: name, page: 1, perPage: 100, sort: 'name' });
  return page.items.filter((product) => product.name === name);
}

/** The stored one-time token for the raw token a mail carried (tokens are stored as hashes). */
export function storedOneTimeToken(server: TestServer, purpose: OneTimeTokenPurpose, token: string) {
  return server.storage.oneTimeTokens.findByHash(purpose, new NodeSecretTokens().hash(token));
}

/** The session an access token belongs to (its `sid` claim). */
export async function sessionOfToken(server: TestServer, accessToken: string) {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] as string, 'base64url').toString('utf8')) as {
    sid: number;
  };
  const session = await server.storage.sessions.findById(claims.sid);
  if (!session) throw new Error(`no session ${claims.sid}`);
  return session;
}

/** The stored refresh token for the raw token the client holds (stored as a hash). */
export function storedRefreshToken(server: TestServer, refreshToken: string) {
  return server.storage.sessions.findRefreshToken(new NodeSecretTokens().hash(refreshToken));
}
