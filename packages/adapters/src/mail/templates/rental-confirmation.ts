import { greetingHtml, greetingText, rowHtml, signOffHtml, signOffText, STYLE, totalRowHtml } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent when a rental contract is signed: its terms and its payment schedule.
 * data: {
 *   rental_id: id, product_name: string, cash_price: cents, monthly_rate: cents,
 *   total_months: integer, total_amount: cents (monthly_rate × total_months),
 *   schedule: [{ installment_no: integer, due_date: YYYY-MM-DD, amount: cents }] (at least one),
 *   first_name?: string, grace_days?: integer, late_fee?: cents (the late-fee line needs both)
 * }
 */
export const rentalConfirmation: TemplateSource = {
  contract: {
    required: {
      rental_id: 'id',
      product_name: 'text',
      cash_price: 'cents',
      monthly_rate: 'cents',
      total_months: 'count',
      total_amount: 'cents',
      schedule: { list: { installment_no: 'count', due_date: 'date', amount: 'cents' } },
    },
    optional: { first_name: 'text', grace_days: 'count', late_fee: 'cents' },
    check: (data) => (Array.isArray(data.schedule) && data.schedule.length > 0 ? [] : ['schedule must not be empty']),
  },
  subject: 'Your rental contract #<%= it.data.rental_id %>',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Thank you for renting with <%= it.shop.name %>! Your rental contract
<strong>#<%= it.data.rental_id %></strong> for <strong><%= it.data.product_name %></strong> is signed.
After the last payment the item is yours.</p>
<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.table}">
${rowHtml('Monthly payment', 'it.fmt.money(it.data.monthly_rate)')}
${rowHtml('Number of payments', 'it.data.total_months')}
${rowHtml('Cash price', 'it.fmt.money(it.data.cash_price)')}
${totalRowHtml('Total of payments', 'it.fmt.money(it.data.total_amount)')}
</table>
<p style="${STYLE.paragraph}"><strong>Payment schedule</strong></p>
<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.table}">
<tr><th style="${STYLE.headCell}">Payment</th><th style="${STYLE.headCell}">Due date</th><th style="${STYLE.headAmount}">Amount</th></tr>
<% for (const row of it.data.schedule) { %>
<tr><td style="${STYLE.cell}"><%= row.installment_no %> of <%= it.data.total_months %></td>
<td style="${STYLE.cell}"><%= it.fmt.date(row.due_date) %></td>
<td style="${STYLE.amount}"><%= it.fmt.money(row.amount) %></td></tr>
<% } %>
</table>
<% if (it.data.grace_days !== undefined && it.data.late_fee !== undefined) { %>
<p style="${STYLE.muted}">A payment not made within <%= it.data.grace_days %> days of its due date adds a late fee of
<%= it.fmt.money(it.data.late_fee) %>.</p>
<% } %>
${signOffHtml}`,
  text: `${greetingText}

Thank you for renting with <%= it.shop.name %>! Your rental contract #<%= it.data.rental_id %> for
<%= it.data.product_name %> is signed. After the last payment the item is yours.

Monthly payment: <%= it.fmt.money(it.data.monthly_rate) %>
Number of payments: <%= it.data.total_months %>
Cash price: <%= it.fmt.money(it.data.cash_price) %>
Total of payments: <%= it.fmt.money(it.data.total_amount) %>

Payment schedule:
<% for (const row of it.data.schedule) { -%>
<%= row.installment_no %> of <%= it.data.total_months %>, due <%= it.fmt.date(row.due_date) %>: <%= it.fmt.money(row.amount) %>
<% } -%>
<% if (it.data.grace_days !== undefined && it.data.late_fee !== undefined) { %>
A payment not made within <%= it.data.grace_days %> days of its due date adds a late fee of <%= it.fmt.money(it.data.late_fee) %>.
<% } %>
${signOffText}`,
};
