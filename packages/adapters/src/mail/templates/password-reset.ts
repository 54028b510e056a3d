import type { TemplateSource } from './template-source.js';

/** data: { first_name?, token } */
export const passwordReset: TemplateSource = {
  subject: 'Reset your GigGatek password',
  html: `<% const link = it.links.resetPassword %>
<p>Hi <%= it.data.first_name ?? 'there' %>,</p>
<p>Someone asked to reset the password of your GigGatek account. The link below works
once, within 1 hour:</p>
<p><a href="<%= link %>">Choose a new password</a></p>
<p>Or send this token to the API: <code><%= it.data.token %></code></p>
<p>If you did not ask for this, ignore this email: your password stays as it is.</p>`,
  text: `<% const link = it.links.resetPassword -%>
Hi <%= it.data.first_name ?? 'there' %>,

Someone asked to reset the password of your GigGatek account. The link below works
once, within 1 hour:

<%= link %>

Reset token (for API clients): <%= it.data.token %>

If you did not ask for this, ignore this email: your password stays as it is.
`,
};
