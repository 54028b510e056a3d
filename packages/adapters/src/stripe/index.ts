export { OfflinePaymentGateway } from './offline-payment-gateway.js';
