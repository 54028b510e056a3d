import type { DataContract } from './data-contract.js';

/**
 * One email as Eta template strings plus the data contract they rely on. Templates are
 * TypeScript modules rather than .eta files so that `tsc` ships them in dist without a
 * copy step.
 *
 * Every template sees (see TemplateContext in email-templates.ts):
 * - `it.data`: the notification's variables, untrusted user data, already checked against
 *   `contract` (so a required field is there and of its kind; optional ones may be absent);
 * - `it.shop`: `name`, `supportEmail`, `url` (the public base URL, no trailing slash);
 * - `it.fmt`: `money(cents)`, `date('YYYY-MM-DD')`, `dateTime(iso)` (format.ts);
 * - `it.links`: `resetPassword` and `verifyEmail`, the account links filled with `it.data.token`.
 *
 * `html` is the body only: EmailTemplates wraps it in the shared layout. It is rendered with
 * auto-escaping (`<%=`), `subject` and `text` without.
 */
export interface TemplateSource {
  contract: DataContract;
  subject: string;
  html: string;
  text: string;
}
