import { buttonHtml, greetingHtml, greetingText, signOffHtml, signOffText, STYLE } from './parts.js';
import type { TemplateSource } from './template-source.js';

/**
 * Sent on registration (and on request) with a one-time verification token.
 * data: { token: string, first_name?: string, expires_in_hours?: integer (24 when absent) }
 */
export const verifyEmail: TemplateSource = {
  contract: { required: { token: 'text' }, optional: { first_name: 'text', expires_in_hours: 'count' } },
  subject: 'Confirm your email address',
  html: `${greetingHtml}
<p style="${STYLE.paragraph}">Please confirm your email address by opening this link within
<%= it.data.expires_in_hours ?? 24 %> hours:</p>
${buttonHtml('it.links.verifyEmail', 'Confirm my email address')}
<p style="${STYLE.muted}">Or send this token to the API: <code><%= it.data.token %></code></p>
<p style="${STYLE.paragraph}">If you did not create a <%= it.shop.name %> account, you can ignore this email.</p>
${signOffHtml}`,
  text: `${greetingText}

Please confirm your email address by opening this link within <%= it.data.expires_in_hours ?? 24 %> hours:

<%= it.links.verifyEmail %>

Verification token (for API clients): <%= it.data.token %>

If you did not create a <%= it.shop.name %> account, you can ignore this email.

${signOffText}`,
};
