import { isHttpsUrl, securityHeaders } from '@giggatek/adapters';
import Koa from 'koa';
import type { Logger } from 'pino';
import { ApiRouter, type ApiContext } from './api-router.js';
import type { ApiServices } from './api-services.js';
import type { ApiState } from './api-state.js';
import { accessLog } from './middleware/access-log.js';
import { requireBearerToken } from './middleware/bearer-token.js';
import { corsAllowList } from './middleware/cors.js';
import { errorEnvelope } from './middleware/errors.js';
import { jsonBody } from './middleware/json-body.js';
import { methodNotAllowed } from './middleware/method-not-allowed.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { addressRoutes } from './routes/addresses.js';
import { adminOrderRoutes } from './routes/admin-orders.js';
import { adminRentalRoutes } from './routes/admin-rentals.js';
import { adminStockRoutes } from './routes/admin-stock.js';
import { authRoutes } from './routes/auth.js';
import { orderRoutes } from './routes/orders.js';
import { paymentAliasRoutes } from './routes/payment-aliases.js';
import { paymentRoutes, WEBHOOK_PATHS } from './routes/payments.js';
import { productRoutes } from './routes/products.js';
import { rentalPaymentRoutes } from './routes/rental-payments.js';
import { rentalRoutes } from './routes/rentals.js';
import { systemRoutes } from './routes/system.js';

export interface ApiOptions {
  logger: Logger;
  /** Take the client IP from X-Forwarded-For (behind a load balancer). */
  trustProxy: boolean;
}

/** The public JSON API (SPEC §9), mounted under /api. */
export function createApiApp(services: ApiServices, options: ApiOptions): Koa<ApiState> {
  // Behind one load balancer, the client is the last X-Forwarded-For entry (the one it
  // appended); earlier entries are whatever the client sent and must not be believed.
  const app = new Koa<ApiState>({ proxy: options.trustProxy, maxIpsCount: 1 });
  app.silent = true; // errors are logged by the error envelope, with the request id

  const authenticate = async (ctx: ApiContext) => services.identity.authenticate(requireBearerToken(ctx));
  const generalLimit = [rateLimit(services.limiters.general)];
  const idempotency = { store: services.idempotency, unitOfWork: services.unitOfWork, clock: services.clock };
  const api = new ApiRouter(authenticate, generalLimit, idempotency);
  // The seed's PHP paths (SPEC §6), outside /api: everything but /admin and /account reaches this app.
  const seedPaths = new ApiRouter(authenticate, generalLimit, idempotency, '');
  systemRoutes(api, services, [api, seedPaths]);
  authRoutes(api, services);
  addressRoutes(api, services);
  productRoutes(api, services);
  orderRoutes(api, services);
  rentalRoutes(api, services);
  rentalPaymentRoutes(api, services);
  adminOrderRoutes(api, services);
  adminRentalRoutes(api, services);
  adminStockRoutes(api, services);
  paymentRoutes(api, services);
  paymentAliasRoutes(seedPaths, services);

  app.use(requestId());
  app.use(accessLog(options.logger));
  // The JSON API serves no HTML: nothing may load from it as a document's resource.
  app.use(securityHeaders({ hsts: isHttpsUrl(services.publicUrl), contentSecurityPolicy: { defaultSrc: ["'none'"] } }));
  app.use(corsAllowList(services.corsOrigins));
  app.use(errorEnvelope());
  app.use(methodNotAllowed(api.router));
  app.use(jsonBody({ keepRawFor: WEBHOOK_PATHS }));
  app.use(api.router.routes());
  app.use(seedPaths.router.routes());
  return app;
}
