export { UserModel } from './user-model.js';
export { SessionModel } from './session-model.js';
export { RefreshTokenModel } from './refresh-token-model.js';
export { OneTimeTokenModel } from './one-time-token-model.js';
export { AddressModel } from './address-model.js';
export { ProductModel } from './product-model.js';
export type { DbBoolean, DbTimestamp } from './types.js';
