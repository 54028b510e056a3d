export { createApiApp, type ApiOptions } from './api-app.js';
export type { ApiServices } from './api-services.js';
export { createHttpServer, listen, type ServerOptions } from './server.js';
export { apiServices } from './services.js';
export { createLogger } from './logger.js';
export { STATUS_BY_CODE } from './error-map.js';
