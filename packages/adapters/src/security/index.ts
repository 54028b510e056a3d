export { BcryptPasswordHasher } from './bcrypt-password-hasher.js';
export { JoseTokenSigner } from './jose-token-signer.js';
export type { JoseTokenSignerOptions } from './jose-token-signer.js';
export { NodeSecretTokens } from './node-secret-tokens.js';
