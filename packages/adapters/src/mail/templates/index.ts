import type { EmailTemplate } from '@giggatek/domain';
import { orderConfirmation } from './order-confirmation.js';
import { orderStatusUpdate, shippingConfirmation } from './order-updates.js';
import { earlyPurchaseNotice } from './early-purchase-notice.js';
import { paymentActionRequired, paymentFailed } from './payment-problems.js';
import { passwordReset } from './password-reset.js';
import { refundIssued } from './refund-issued.js';
import { rentalCompletion } from './rental-completion.js';
import { rentalConfirmation } from './rental-confirmation.js';
import { lateNotice, paymentReminder } from './rental-dues.js';
import { rentalPaymentReceipt } from './rental-payment-receipt.js';
import type { TemplateSource } from './template-source.js';
import { verifyEmail } from './verify-email.js';
import { welcome } from './welcome.js';

export { contractProblems, presentData, TemplateDataError } from './data-contract.js';
export type { DataContract, FieldKind, Fields } from './data-contract.js';
export { formattersFor } from './format.js';
export type { Formatters } from './format.js';
export { layout } from './layout.js';
export type { TemplateSource } from './template-source.js';

/** Every email of SPEC §7 by name; the type makes a new EmailTemplate without a design a compile error. */
export const TEMPLATES: Readonly<Record<EmailTemplate, TemplateSource>> = {
  welcome,
  verify_email: verifyEmail,
  password_reset: passwordReset,
  order_confirmation: orderConfirmation,
  order_status_update: orderStatusUpdate,
  shipping_confirmation: shippingConfirmation,
  refund_issued: refundIssued,
  rental_confirmation: rentalConfirmation,
  early_purchase_notice: earlyPurchaseNotice,
  rental_payment_receipt: rentalPaymentReceipt,
  rental_completion: rentalCompletion,
  payment_action_required: paymentActionRequired,
  payment_reminder: paymentReminder,
  payment_failed: paymentFailed,
  late_notice: lateNotice,
};
