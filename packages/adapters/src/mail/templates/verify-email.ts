import type { TemplateSource } from './template-source.js';

/** data: { first_name?, token } */
export const verifyEmail: TemplateSource = {
  subject: 'Confirm your email address',
  html: `<% const link = it.links.verifyEmail %>
<p>Hi <%= it.data.first_name ?? 'there' %>,</p>
<p>Please confirm your email address by opening this link within 24 hours:</p>
<p><a href="<%= link %>">Confirm my email address</a></p>
<p>Or send this token to the API: <code><%= it.data.token %></code></p>
<p>If you did not create a GigGatek account, you can ignore this email.</p>`,
  text: `<% const link = it.links.verifyEmail -%>
Hi <%= it.data.first_name ?? 'there' %>,

Please confirm your email address by opening this link within 24 hours:

<%= link %>

Verification token (for API clients): <%= it.data.token %>

If you did not create a GigGatek account, you can ignore this email.
`,
};
