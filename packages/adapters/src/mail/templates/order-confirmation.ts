import { greetingHtml, greetingText, rowHtml, signOffHtml, signOffText, STYLE, totalRowHtml } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent when an order is placed (orderConfirmation in the domain's order-placement.ts).
 * data: {
 *   order_id: id, first_name?: string, currency?: 'usd', shipping_method?: string,
 *   items: [{ product_name: string, quantity: integer, unit_price: cents, line_total: cents }] (at least one),
 *   subtotal: cents, shipping: cents, tax: cents, total: cents
 * }
 */
export const orderConfirmation: TemplateSource = {
  contract: {
    required: {
      order_id: 'id',
      items: { list: { product_name: 'text', quantity: 'count', unit_price: 'cents', line_total: 'cents' } },
      subtotal: 'cents',
      shipping: 'cents',
      tax: 'cents',
      total: 'cents',
    },
    optional: { first_name: 'text', currency: { oneOf: ['usd'] }, shipping_method: 'text' },
    check: (data) => (Array.isArray(data.items) && data.items.length > 0 ? [] : ['items must not be empty']),
  },
  subject: 'Order #<%= it.data.order_id %> confirmation',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Thank you for your order! We have received order
<strong>#<%= it.data.order_id %></strong> and will email you again when it ships.</p>
<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.table}">
<tr><th style="${STYLE.headCell}">Item</th><th style="${STYLE.headAmount}">Amount</th></tr>
<% for (const item of it.data.items) { %>
<tr><td style="${STYLE.cell}"><%= item.product_name %><br>
<span style="color:#7b8794;font-size:13px;"><%= item.quantity %> &times; <%= it.fmt.money(item.unit_price) %></span></td>
<td style="${STYLE.amount}"><%= it.fmt.money(item.line_total) %></td></tr>
<% } %>
${rowHtml('Subtotal', 'it.fmt.money(it.data.subtotal)')}
${rowHtml('Shipping<% if (it.data.shipping_method) { %> (<%= it.data.shipping_method %>)<% } %>', 'it.fmt.money(it.data.shipping)')}
${rowHtml('Tax', 'it.fmt.money(it.data.tax)')}
${totalRowHtml('Total', 'it.fmt.money(it.data.total)')}
</table>
${signOffHtml}`,
  text: `${greetingText}

Thank you for your order! We have received order #<%= it.data.order_id %> and will email
you again when it ships.

<% for (const item of it.data.items) { -%>
<%= item.quantity %> x <%= item.product_name %> (<%= it.fmt.money(item.unit_price) %> each): <%= it.fmt.money(item.line_total) %>
<% } -%>

Subtotal: <%= it.fmt.money(it.data.subtotal) %>
Shipping<% if (it.data.shipping_method) { %> (<%= it.data.shipping_method %>)<% } %>: <%= it.fmt.money(it.data.shipping) %>
Tax: <%= it.fmt.money(it.data.tax) %>
Total: <%= it.fmt.money(it.data.total) %>

${signOffText}`,
};
