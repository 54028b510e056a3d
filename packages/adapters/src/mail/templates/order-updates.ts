import { ORDER_STATUSES } from '@giggatek/domain';
import { greetingHtml, greetingText, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/** What a status means to the customer, as a predicate of "Order #N …". */
const SAYS = `({
  pending: 'is awaiting payment',
  processing: 'is being prepared',
  shipped: 'has shipped',
  delivered: 'has been delivered',
  cancelled: 'has been cancelled',
  refunded: 'has been refunded',
})[it.data.status]`;

/**
 * Sent when staff move an order to another status (shipping has its own email below).
 * data: { order_id: id, status: one of ORDER_STATUSES, first_name?: string, note?: string (staff's words) }
 */
export const orderStatusUpdate: TemplateSource = {
  contract: {
    required: { order_id: 'id', status: { oneOf: ORDER_STATUSES } },
    optional: { first_name: 'text', note: 'text' },
  },
  subject: `Order #<%= it.data.order_id %> <%= ${SAYS} %>`,
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Your order <strong>#<%= it.data.order_id %></strong> <%= ${SAYS} %>.</p>
<% if (it.data.note) { %><p style="${STYLE.notice}"><%= it.data.note %></p><% } %>
<p style="${STYLE.paragraph}">Thank you for shopping with <%= it.shop.name %>.</p>
${signOffHtml}`,
  text: `${greetingText}

Your order #<%= it.data.order_id %> <%= ${SAYS} %>.
<% if (it.data.note) { %>
<%= it.data.note %>
<% } %>
Thank you for shopping with <%= it.shop.name %>.

${signOffText}`,
};

/**
 * Sent when an order ships.
 * data: {
 *   order_id: id, tracking_number: string, first_name?: string, carrier?: string,
 *   tracking_url?: http(s) URL, shipped_at?: ISO date-time
 * }
 */
export const shippingConfirmation: TemplateSource = {
  contract: {
    required: { order_id: 'id', tracking_number: 'text' },
    optional: { first_name: 'text', carrier: 'text', tracking_url: 'url', shipped_at: 'instant' },
  },
  subject: 'Order #<%= it.data.order_id %> has shipped',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Good news: your order <strong>#<%= it.data.order_id %></strong> has shipped<% if (it.data.shipped_at) { %>
on <%= it.fmt.dateTime(it.data.shipped_at) %><% } %>. Thank you for your order!</p>
<p style="${STYLE.notice}">Tracking number<% if (it.data.carrier) { %> (<%= it.data.carrier %>)<% } %>:
<strong><%= it.data.tracking_number %></strong></p>
<% if (it.data.tracking_url) { %><p style="${STYLE.paragraph}"><a href="<%= it.data.tracking_url %>"
style="color:#1f6feb;">Track your package</a></p><% } %>
${signOffHtml}`,
  text: `${greetingText}

Good news: your order #<%= it.data.order_id %> has shipped<% if (it.data.shipped_at) { %> on <%= it.fmt.dateTime(it.data.shipped_at) %><% } %>. Thank you for your order!

Tracking number<% if (it.data.carrier) { %> (<%= it.data.carrier %>)<% } %>: <%= it.data.tracking_number %>
<% if (it.data.tracking_url) { %>Track your package: <%= it.data.tracking_url %>
<% } %>
${signOffText}`,
};
