import { exactlyOneOf } from './data-contract.js';
import { buttonHtml, greetingHtml, greetingText, ORDER_OR_RENTAL, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/** "installment 3 of " when the data names one, for "… of rental #4". */
const INSTALLMENT_OF = `(it.data.installment_no !== undefined ? 'installment ' + it.data.installment_no + ' of ' : '')`;

/**
 * Sent when a payment needs the customer's authentication (3-D Secure) before it can go
 * through, e.g. an off-session rental charge.
 * data: {
 *   order_id | rental_id: id (exactly one), amount: cents, action_url: http(s) URL (where to finish it),
 *   first_name?: string, installment_no?: integer, due_date?: YYYY-MM-DD
 * }
 */
export const paymentActionRequired: TemplateSource = {
  contract: {
    required: { amount: 'cents', action_url: 'url' },
    optional: { order_id: 'id', rental_id: 'id', first_name: 'text', installment_no: 'count', due_date: 'date' },
    check: exactlyOneOf('order_id', 'rental_id'),
  },
  subject: `Action needed: confirm your payment for <%= ${ORDER_OR_RENTAL} %>`,
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Your bank asks you to confirm the payment of
<strong><%= it.fmt.money(it.data.amount) %></strong> for <%= ${INSTALLMENT_OF} %><strong><%= ${ORDER_OR_RENTAL} %></strong><% if (it.data.due_date) { %>,
due <%= it.fmt.date(it.data.due_date) %><% } %>. It goes through once you confirm it:</p>
${buttonHtml('it.data.action_url', 'Confirm the payment')}
<p style="${STYLE.muted}">Or open this link: <%= it.data.action_url %></p>
${signOffHtml}`,
  text: `${greetingText}

Your bank asks you to confirm the payment of <%= it.fmt.money(it.data.amount) %> for <%= ${INSTALLMENT_OF} %><%= ${ORDER_OR_RENTAL} %><% if (it.data.due_date) { %>, due <%= it.fmt.date(it.data.due_date) %><% } %>.
It goes through once you confirm it:

<%= it.data.action_url %>

${signOffText}`,
};

/**
 * Sent when a charge is declined.
 * data: {
 *   order_id | rental_id: id (exactly one), amount: cents, first_name?: string,
 *   reason?: string (the gateway's words), installment_no?: integer, due_date?: YYYY-MM-DD,
 *   pay_url?: http(s) URL (where to pay with another card)
 * }
 */
export const paymentFailed: TemplateSource = {
  contract: {
    required: { amount: 'cents' },
    optional: {
      order_id: 'id',
      rental_id: 'id',
      first_name: 'text',
      reason: 'text',
      installment_no: 'count',
      due_date: 'date',
      pay_url: 'url',
    },
    check: exactlyOneOf('order_id', 'rental_id'),
  },
  subject: `Payment failed: <%= ${ORDER_OR_RENTAL} %>`,
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">We could not take the payment of <strong><%= it.fmt.money(it.data.amount) %></strong>
for <%= ${INSTALLMENT_OF} %><strong><%= ${ORDER_OR_RENTAL} %></strong><% if (it.data.due_date) { %>, due <%= it.fmt.date(it.data.due_date) %><% } %>.</p>
<% if (it.data.reason) { %><p style="${STYLE.notice}">The bank said: <%= it.data.reason %></p><% } %>
<p style="${STYLE.paragraph}">Please pay with another card or check with your bank.</p>
<% if (it.data.pay_url) { %>${buttonHtml('it.data.pay_url', 'Pay now')}<% } %>
${signOffHtml}`,
  text: `${greetingText}

We could not take the payment of <%= it.fmt.money(it.data.amount) %> for <%= ${INSTALLMENT_OF} %><%= ${ORDER_OR_RENTAL} %><% if (it.data.due_date) { %>, due <%= it.fmt.date(it.data.due_date) %><% } %>.
<% if (it.data.reason) { %>
The bank said: <%= it.data.reason %>
<% } %>
Please pay with another card or check with your bank.
<% if (it.data.pay_url) { %>
Pay now: <%= it.data.pay_url %>
<% } %>
${signOffText}`,
};
