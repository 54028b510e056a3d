// The public surface of @giggatek/adapters.
export * from './sql/index.js';
export * from './memory/index.js';
export * from './security/index.js';
export * from './mail/index.js';
export * from './rate-limit/index.js';
export * from './config/index.js';
export * from './container.js';
export * from './seed/index.js';
export * from './scheduler/index.js';
export * from './background/index.js';
export * from './http/security-headers.js';
export * from './storage.js';
export * from './stripe/index.js';
