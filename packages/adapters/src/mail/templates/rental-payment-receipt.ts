import { isPresent } from './data-contract.js';
import { greetingHtml, greetingText, rowHtml, signOffHtml, signOffText, STYLE, totalRowHtml } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent when a rental installment is paid (SPEC §9's payment receipt, as an email).
 * data: {
 *   rental_id: id, installment_no: integer, amount_paid: cents (the whole charge, late fee included),
 *   remaining_balance: cents, payments_left: integer,
 *   early_purchase_amount: cents and early_purchase_on: YYYY-MM-DD (the buyout amount on that day;
 *     required while payments are left),
 *   first_name?: string, product_name?: string, total_months?: integer, late_fee_paid?: cents,
 *   paid_at?: ISO date-time, next_due_date?: YYYY-MM-DD
 * }
 */
export const rentalPaymentReceipt: TemplateSource = {
  contract: {
    required: {
      rental_id: 'id',
      installment_no: 'count',
      amount_paid: 'cents',
      remaining_balance: 'cents',
      payments_left: 'count',
    },
    optional: {
      early_purchase_amount: 'cents',
      early_purchase_on: 'date',
      first_name: 'text',
      product_name: 'text',
      total_months: 'count',
      late_fee_paid: 'cents',
      paid_at: 'instant',
      next_due_date: 'date',
    },
    check: (data) =>
      data.payments_left === 0 || (isPresent(data.early_purchase_amount) && isPresent(data.early_purchase_on))
        ? []
        : ['early_purchase_amount and early_purchase_on are needed while payments are left'],
  },
  subject: 'Payment received: rental #<%= it.data.rental_id %>',
  html: `<% const of = it.data.total_months !== undefined ? ' of ' + it.data.total_months : '' %>
${greetingHtml}
<p style="${STYLE.paragraph}">Thank you for your payment of <strong><%= it.fmt.money(it.data.amount_paid) %></strong>
on rental <strong>#<%= it.data.rental_id %></strong><% if (it.data.product_name) { %> (<%= it.data.product_name %>)<% } %><% if (it.data.paid_at) { %>,
received <%= it.fmt.dateTime(it.data.paid_at) %><% } %>.</p>
<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.table}">
${rowHtml('Installment', 'it.data.installment_no + of')}
${rowHtml('Amount paid', 'it.fmt.money(it.data.amount_paid)')}
<% if (it.data.late_fee_paid) { %>${rowHtml('of which late fee', 'it.fmt.money(it.data.late_fee_paid)')}<% } %>
${rowHtml('Payments left', 'it.data.payments_left')}
<% if (it.data.next_due_date && it.data.payments_left > 0) { %>${rowHtml('Next payment due', 'it.fmt.date(it.data.next_due_date)')}<% } %>
${totalRowHtml('Remaining balance', 'it.fmt.money(it.data.remaining_balance)')}
</table>
<% if (it.data.payments_left > 0) { %>
<p style="${STYLE.notice}">Early purchase: on <%= it.fmt.date(it.data.early_purchase_on) %> you could own it for
<strong><%= it.fmt.money(it.data.early_purchase_amount) %></strong>.</p>
<% } else { %>
<p style="${STYLE.notice}">That was your last payment: the item is yours. Congratulations!</p>
<% } %>
${signOffHtml}`,
  text: `<% const of = it.data.total_months !== undefined ? ' of ' + it.data.total_months : '' -%>
${greetingText}

Thank you for your payment of <%= it.fmt.money(it.data.amount_paid) %> on rental #<%= it.data.rental_id %><% if (it.data.product_name) { %> (<%= it.data.product_name %>)<% } %><% if (it.data.paid_at) { %>, received <%= it.fmt.dateTime(it.data.paid_at) %><% } %>.

Installment: <%= it.data.installment_no + of %>
Amount paid: <%= it.fmt.money(it.data.amount_paid) %>
<% if (it.data.late_fee_paid) { %>  of which late fee: <%= it.fmt.money(it.data.late_fee_paid) %>
<% } %>Payments left: <%= it.data.payments_left %>
<% if (it.data.next_due_date && it.data.payments_left > 0) { %>Next payment due: <%= it.fmt.date(it.data.next_due_date) %>
<% } %>Remaining balance: <%= it.fmt.money(it.data.remaining_balance) %>

<% if (it.data.payments_left > 0) { -%>
Early purchase: on <%= it.fmt.date(it.data.early_purchase_on) %> you could own it for <%= it.fmt.money(it.data.early_purchase_amount) %>.
<% } else { -%>
That was your last payment: the item is yours. Congratulations!
<% } -%>

${signOffText}`,
};
