// The public surface of @giggatek/domain: what adapters, apps and embedding teams import.
export * from './shared/money.js';
export * from './shared/money-format.js';
export * from './shared/errors.js';
export * from './shared/clock.js';
export * from './shared/local-date.js';
export * from './shared/ids.js';
export * from './shared/page.js';
export * from './shared/text-rules.js';
export * from './shared/background-tasks.js';
export * from './shared/batches.js';

export * from './identity/user.js';
export * from './identity/ports.js';
export * from './identity/permissions.js';
export * from './identity/identity-service.js';
export * from './identity/password-policy.js';
export * from './identity/email.js';
export * from './identity/profile-rules.js';
export * from './identity/one-time-tokens.js';
export * from './identity/session-tokens.js';

export * from './addresses/address.js';
export * from './addresses/ports.js';
export * from './addresses/address-service.js';
export * from './addresses/address-rules.js';

export * from './catalog/product.js';
export * from './catalog/product-filter.js';
export * from './catalog/ports.js';
export * from './catalog/catalog-service.js';
export * from './catalog/product-rules.js';
export * from './catalog/slug.js';

export * from './notifications/ports.js';

export * from './renting/rental-policy.js';
export * from './renting/rental-quote.js';
export * from './renting/rental.js';
export * from './renting/rental-schedule.js';
export * from './renting/rental-buyout.js';
export * from './renting/rental-account.js';
export * from './renting/rental-status.js';
export * from './renting/rental-rules.js';
export * from './renting/rental-charges.js';
export * from './renting/rental-staff-actions.js';
export * from './renting/ports.js';
export * from './renting/renting-service.js';

export * from './shared/idempotency.js';
export * from './shared/unit-of-work.js';
export * from './shared/idempotency-purger.js';
export * from './settings/ports.js';
export * from './settings/store-settings.js';
export { CATEGORY_MAX_LENGTH } from './settings/setting-rules.js';
export * from './payments/payment.js';
export * from './payments/payment-gateway.js';
export * from './payments/ports.js';
export * from './payments/payments-use-cases.js';
export * from './payments/refunds.js';
export * from './payments/refund-service.js';
export * from './ordering/order.js';
export * from './ordering/pricing.js';
export * from './ordering/ports.js';
export * from './ordering/ordering-service.js';
export * from './ordering/order-status.js';
export * from './ordering/order-rules.js';
export * from './ordering/order-changes.js';
export * from './ordering/stock-shortage.js';
export * from './stock/stock-movement.js';
export * from './stock/ports.js';
export * from './addresses/country-codes.js';
export * from './payments/payments-service.js';
export * from './payments/intent-outcomes.js';
export * from './payments/order-settlement.js';
export * from './renting/rental-completion.js';
export * from './renting/rental-settlement.js';
