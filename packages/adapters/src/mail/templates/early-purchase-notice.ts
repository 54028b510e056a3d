import { greetingHtml, greetingText, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent when a rental contract is signed: the same-as-cash early purchase offer (SPEC §5).
 * data: {
 *   rental_id: id, product_name: string,
 *   same_as_cash_amount: cents (what owning it costs today, within the period),
 *   same_as_cash_until: YYYY-MM-DD (the period's last day, inclusive),
 *   first_name?: string, total_amount?: cents (the total of payments, for comparison)
 * }
 */
export const earlyPurchaseNotice: TemplateSource = {
  contract: {
    required: { rental_id: 'id', product_name: 'text', same_as_cash_amount: 'cents', same_as_cash_until: 'date' },
    optional: { first_name: 'text', total_amount: 'cents' },
  },
  subject: 'Your early purchase option: rental #<%= it.data.rental_id %>',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Thank you for signing rental contract <strong>#<%= it.data.rental_id %></strong>.
You can own your <strong><%= it.data.product_name %></strong> early, for the same as the cash price:</p>
<p style="${STYLE.notice}">Pay <strong><%= it.fmt.money(it.data.same_as_cash_amount) %></strong> by
<strong><%= it.fmt.date(it.data.same_as_cash_until) %></strong> and the item is yours<% if (it.data.total_amount !== undefined) { %>,
instead of <%= it.fmt.money(it.data.total_amount) %> in total payments<% } %>.</p>
<p style="${STYLE.paragraph}">Payments you make before then count towards it. After that day the early purchase
amount is the share of the cash price for the payments still left; every payment receipt shows it.</p>
${signOffHtml}`,
  text: `${greetingText}

Thank you for signing rental contract #<%= it.data.rental_id %>. You can own your <%= it.data.product_name %>
early, for the same as the cash price:

Pay <%= it.fmt.money(it.data.same_as_cash_amount) %> by <%= it.fmt.date(it.data.same_as_cash_until) %> and the item is yours<% if (it.data.total_amount !== undefined) { %>, instead of <%= it.fmt.money(it.data.total_amount) %> in total payments<% } %>.

Payments you make before then count towards it. After that day the early purchase
amount is the share of the cash price for the payments still left; every payment receipt shows it.

${signOffText}`,
};
