import {
  buttonHtml,
  greetingHtml,
  greetingText,
  rowHtml,
  signOffHtml,
  signOffText,
  STYLE,
  totalRowHtml,
} from './parts.js';
import type { TemplateSource } from './template-source.js';

/** "in 7 days, on March 8, 2026" / "tomorrow, March 8, 2026". */
const WHEN = `(it.data.days_before === 1 ? 'tomorrow, ' : 'in ' + it.data.days_before + ' days, on ') + it.fmt.date(it.data.due_date)`;

/**
 * Sent by the scheduler 7 days and 1 day before an installment's due date (once per
 * installment and kind).
 * data: {
 *   rental_id: id, installment_no: integer, due_date: YYYY-MM-DD, amount: cents, days_before: 7 | 1,
 *   first_name?: string, product_name?: string, pay_url?: http(s) URL
 * }
 */
export const paymentReminder: TemplateSource = {
  contract: {
    required: {
      rental_id: 'id',
      installment_no: 'count',
      due_date: 'date',
      amount: 'cents',
      days_before: { oneOf: [7, 1] },
    },
    optional: { first_name: 'text', product_name: 'text', pay_url: 'url' },
  },
  subject: 'Payment reminder: rental #<%= it.data.rental_id %>',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">A friendly reminder: your payment of <strong><%= it.fmt.money(it.data.amount) %></strong>
(installment <%= it.data.installment_no %>) on rental <strong>#<%= it.data.rental_id %></strong><% if (it.data.product_name) { %>
(<%= it.data.product_name %>)<% } %> is due <strong><%= ${WHEN} %></strong>.</p>
<% if (it.data.pay_url) { %>${buttonHtml('it.data.pay_url', 'Make the payment')}<% } %>
<p style="${STYLE.paragraph}">If you have already paid, thank you: you can ignore this email.</p>
${signOffHtml}`,
  text: `${greetingText}

A friendly reminder: your payment of <%= it.fmt.money(it.data.amount) %> (installment <%= it.data.installment_no %>) on rental #<%= it.data.rental_id %><% if (it.data.product_name) { %> (<%= it.data.product_name %>)<% } %> is due <%= ${WHEN} %>.
<% if (it.data.pay_url) { %>
Make the payment: <%= it.data.pay_url %>
<% } %>
If you have already paid, thank you: you can ignore this email.

${signOffText}`,
};

/**
 * Sent by the scheduler when an installment is still unpaid after its grace period.
 * data: {
 *   rental_id: id, installment_no: integer, due_date: YYYY-MM-DD, amount: cents (the installment),
 *   late_fee: cents, amount_due: cents (what settles it now: installment and fees),
 *   first_name?: string, default_on?: YYYY-MM-DD (from when the rental may be defaulted),
 *   pay_url?: http(s) URL
 * }
 */
export const lateNotice: TemplateSource = {
  contract: {
    required: {
      rental_id: 'id',
      installment_no: 'count',
      due_date: 'date',
      amount: 'cents',
      late_fee: 'cents',
      amount_due: 'cents',
    },
    optional: { first_name: 'text', default_on: 'date', pay_url: 'url' },
  },
  subject: 'Late payment: rental #<%= it.data.rental_id %>',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">We have not received payment <%= it.data.installment_no %> on rental
<strong>#<%= it.data.rental_id %></strong>, due <%= it.fmt.date(it.data.due_date) %>, and its grace period has ended.
A late fee was added:</p>
<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.table}">
${rowHtml('Payment', 'it.fmt.money(it.data.amount)')}
${rowHtml('Late fee', 'it.fmt.money(it.data.late_fee)')}
${totalRowHtml('Due now', 'it.fmt.money(it.data.amount_due)')}
</table>
<% if (it.data.pay_url) { %>${buttonHtml('it.data.pay_url', 'Pay now')}<% } %>
<% if (it.data.default_on) { %><p style="${STYLE.notice}">If it is still unpaid on <%= it.fmt.date(it.data.default_on) %>,
the rental may be put in default.</p><% } %>
<p style="${STYLE.paragraph}">If you have just paid, thank you: you can ignore this email.</p>
${signOffHtml}`,
  text: `${greetingText}

We have not received payment <%= it.data.installment_no %> on rental #<%= it.data.rental_id %>, due <%= it.fmt.date(it.data.due_date) %>, and its grace period has ended.
A late fee was added:

Payment: <%= it.fmt.money(it.data.amount) %>
Late fee: <%= it.fmt.money(it.data.late_fee) %>
Due now: <%= it.fmt.money(it.data.amount_due) %>
<% if (it.data.pay_url) { %>
Pay now: <%= it.data.pay_url %>
<% } %><% if (it.data.default_on) { %>
If it is still unpaid on <%= it.fmt.date(it.data.default_on) %>, the rental may be put in default.
<% } %>
If you have just paid, thank you: you can ignore this email.

${signOffText}`,
};
