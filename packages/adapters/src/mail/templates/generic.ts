import type { TemplateSource } from './template-source.js';

/**
 * Fallback for templates without their own design yet: a title from the template name
 * and the notification's data as a list. Sees `it.title` and `it.rows` ([label, value]).
 */
export const generic: Omit<TemplateSource, 'contract'> = {
  subject: 'GigGatek: <%= it.title %>',
  html: `<p><strong><%= it.title %></strong></p>
<% if (it.rows.length > 0) { %>
<table role="presentation" cellpadding="4" cellspacing="0">
<% for (const [label, value] of it.rows) { %>
<tr><td style="color:#7b8794;"><%= label %></td><td><%= value %></td></tr>
<% } %>
</table>
<% } %>
<p>Your account: <a href="<%= it.shop.url %>/account"><%= it.shop.url %>/account</a></p>`,
  text: `<%= it.title %>

<% for (const [label, value] of it.rows) { -%>
<%= label %>: <%= value %>
<% } -%>

Your account: <%= it.shop.url %>/account
`,
};
