import { exactlyOneOf } from './data-contract.js';
import { greetingHtml, greetingText, ORDER_OR_RENTAL, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent when staff refund a payment of an order or of a rental.
 * data: {
 *   order_id | rental_id: id (exactly one), amount: cents (this refund), first_name?: string,
 *   reason?: string, refunded_at?: ISO date-time
 * }
 */
export const refundIssued: TemplateSource = {
  contract: {
    required: { amount: 'cents' },
    optional: { order_id: 'id', rental_id: 'id', first_name: 'text', reason: 'text', refunded_at: 'instant' },
    check: exactlyOneOf('order_id', 'rental_id'),
  },
  subject: `Refund issued: <%= ${ORDER_OR_RENTAL} %>`,
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">We have refunded <strong><%= it.fmt.money(it.data.amount) %></strong> for your
<%= ${ORDER_OR_RENTAL} %> to the card you paid with<% if (it.data.refunded_at) { %> on <%= it.fmt.dateTime(it.data.refunded_at) %><% } %>.
Banks usually show it within 5 to 10 business days.</p>
<% if (it.data.reason) { %><p style="${STYLE.notice}">Reason: <%= it.data.reason %></p><% } %>
<p style="${STYLE.paragraph}">Thank you for your patience.</p>
${signOffHtml}`,
  text: `${greetingText}

We have refunded <%= it.fmt.money(it.data.amount) %> for your <%= ${ORDER_OR_RENTAL} %> to the card you paid with<% if (it.data.refunded_at) { %> on <%= it.fmt.dateTime(it.data.refunded_at) %><% } %>.
Banks usually show it within 5 to 10 business days.
<% if (it.data.reason) { %>
Reason: <%= it.data.reason %>
<% } %>
Thank you for your patience.

${signOffText}`,
};
