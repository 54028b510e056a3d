export { OfflinePaymentGateway, OFFLINE_WEBHOOK_SECRET } from './offline-payment-gateway.js';
export type { OfflinePaymentGatewayOptions } from './offline-payment-gateway.js';
export { StripePaymentGateway } from './stripe-payment-gateway.js';
export type { StripePaymentGatewayOptions } from './stripe-payment-gateway.js';
