import { greetingHtml, greetingText, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent when a rental completes and ownership passes to the customer.
 * data: {
 *   rental_id: id, product_name: string, first_name?: string,
 *   completed_by?: 'payments' | 'buyout', ownership_transferred_at?: ISO date-time,
 *   total_paid?: cents (installments and buyout, late fees excluded)
 * }
 */
export const rentalCompletion: TemplateSource = {
  contract: {
    required: { rental_id: 'id', product_name: 'text' },
    optional: {
      first_name: 'text',
      completed_by: { oneOf: ['payments', 'buyout'] },
      ownership_transferred_at: 'instant',
      total_paid: 'cents',
    },
  },
  subject: 'Rental #<%= it.data.rental_id %> complete: you own it',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Congratulations! Rental <strong>#<%= it.data.rental_id %></strong> is complete<% if (it.data.completed_by === 'buyout') { %>
with your early purchase<% } else if (it.data.completed_by === 'payments') { %> with your last payment<% } %>,
and <strong><%= it.data.product_name %></strong> is now yours<% if (it.data.ownership_transferred_at) { %>
(ownership transferred <%= it.fmt.dateTime(it.data.ownership_transferred_at) %>)<% } %>.</p>
<% if (it.data.total_paid !== undefined) { %><p style="${STYLE.paragraph}">You paid <%= it.fmt.money(it.data.total_paid) %> in all.</p><% } %>
<p style="${STYLE.paragraph}">Thank you for renting with <%= it.shop.name %>. No further payments are due.</p>
${signOffHtml}`,
  text: `${greetingText}

Congratulations! Rental #<%= it.data.rental_id %> is complete<% if (it.data.completed_by === 'buyout') { %> with your early purchase<% } else if (it.data.completed_by === 'payments') { %> with your last payment<% } %>, and <%= it.data.product_name %> is now yours<% if (it.data.ownership_transferred_at) { %> (ownership transferred <%= it.fmt.dateTime(it.data.ownership_transferred_at) %>)<% } %>.
<% if (it.data.total_paid !== undefined) { %>
You paid <%= it.fmt.money(it.data.total_paid) %> in all.
<% } %>
Thank you for renting with <%= it.shop.name %>. No further payments are due.

${signOffText}`,
};
